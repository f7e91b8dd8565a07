/**
 * `npm run import -- <schedule.xml|schedule.json|folder> ... [--series <id>] [--event <id>]
 * [--only-track <name> ...] [--only <ids>] [--timezone <zone>] [--content <dir>] [--dry-run] [--verbose]`
 * `npm run import -- --finish [--content <dir>]` completes an interrupted import.
 * Imports a frab/pretalx schedule into the content tree; see docs/schedule-import.md.
 */
import { parseArgs } from 'node:util';
import { contentDir } from '#lib/content/content-dir.ts';
import {
	finishInterruptedImport,
	importSchedule,
	ImportValidationError,
} from '#tools/import/import-schedule.ts';
import { formatImportSummary, summaryLimit } from '#tools/import/import-summary.ts';
import { formatReport } from '#lib/validation/problem.ts';

const usage =
	'usage: npm run import -- <schedule.xml|schedule.json|folder> ... [--series <id>] [--event <id>] [--only-track <name> ...] [--only <ids>] [--timezone <zone>] [--content <dir>] [--dry-run] [--verbose]\n' +
	'       npm run import -- --finish [--content <dir>]';
const completedLine = (files: string[]) =>
	`completed an interrupted import: ${files.length} file${files.length === 1 ? '' : 's'} moved into place`;

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			event: { type: 'string' },
			series: { type: 'string' },
			'only-track': { type: 'string', multiple: true },
			only: { type: 'string', multiple: true },
			timezone: { type: 'string' },
			content: { type: 'string' },
			'dry-run': { type: 'boolean' },
			verbose: { type: 'boolean' },
			finish: { type: 'boolean' },
		},
	});
	if (values.finish) {
		const files = await finishInterruptedImport(values.content ?? contentDir);
		console.log(files.length ? completedLine(files) : 'no interrupted import to complete');
		return;
	}
	if (!positionals.length) throw new Error(`expected a schedule file or folder\n${usage}`);
	let reported = 0;
	const result = await importSchedule({
		files: positionals,
		contentDir: values.content ?? contentDir,
		eventId: values.event,
		series: values.series,
		onlyTracks: values['only-track'],
		only: values.only
			?.flatMap((list) => list.split(','))
			.map((id) => id.trim())
			.filter(Boolean),
		timeZone: values.timezone,
		dryRun: values['dry-run'],
		onWait: (pid) =>
			process.stderr.write(
				`waiting for the import running as process ${pid ?? '(starting)'} to finish…\n`,
			),
		onProgress: (done, total) => {
			// Large schedules report every tenth, so a slow import is visibly alive.
			if (total >= 100 && (done === total || done - reported >= total / 10)) {
				reported = done;
				process.stderr.write(`  ${done}/${total} talks planned\n`);
			}
		},
	});
	if (result.completed.length) console.log(completedLine(result.completed));
	console.log(
		formatImportSummary(result, values.content ?? contentDir, {
			limit: values.verbose ? undefined : summaryLimit,
		}),
	);
}

try {
	await main();
} catch (error) {
	console.error(
		error instanceof ImportValidationError
			? `${formatReport(error.problems)}\n${error.message}`
			: `error: ${(error as Error).message}`,
	);
	process.exitCode = 1;
}
