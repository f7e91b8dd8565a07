/**
 * `npm run people:merge -- <old-id> <kept-id> [--dry-run] [--content <dir>]`: makes two person
 * entries one (`tools/import/merge-people.ts`); see docs/schedule-import.md.
 */
import { parseArgs } from 'node:util';
import { contentDir } from '#lib/content/content-dir.ts';
import { mergePeople, MergePeopleError } from '#tools/import/merge-people.ts';
import { formatReport } from '#lib/validation/problem.ts';

const usage = 'usage: npm run people:merge -- <old-id> <kept-id> [--dry-run] [--content <dir>]';

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { 'dry-run': { type: 'boolean' }, content: { type: 'string' } },
	});
	if (positionals.length !== 2)
		throw new Error(`expected the person to merge away and the person to keep\n${usage}`);
	const [from, into] = positionals as [string, string];
	const result = await mergePeople({
		contentDir: values.content ?? contentDir,
		from,
		into,
		dryRun: values['dry-run'],
	});
	for (const change of result.changes) {
		console.log(
			`  ${change.path}: ${change.action}${change.references ? ` (${change.references} reference${change.references === 1 ? '' : 's'})` : ''}`,
		);
	}
	console.log(
		result.written
			? `merged ${from} into ${into}: ${result.changes.length} files`
			: `dry run: ${result.changes.length} files would change; nothing written`,
	);
}

try {
	await main();
} catch (error) {
	const problems =
		error instanceof MergePeopleError && error.problems.length
			? `${formatReport(error.problems)}\n`
			: '';
	console.error(`${problems}error: ${(error as Error).message}`);
	process.exitCode = 1;
}
