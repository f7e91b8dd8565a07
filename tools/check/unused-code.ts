import type { Problem } from '#lib/validation/problem.ts';
import { projectBin, runCommand } from '#tools/run-command.ts';

interface KnipSymbol {
	name: string;
	line?: number;
	col?: number;
}
interface KnipRow {
	file: string;
	[kind: string]: unknown;
}

/** What each kind of knip finding means, in words. */
const messages: Record<string, (name: string) => string> = {
	files: () => 'nothing imports this file',
	dependencies: (name) => `dependency "${name}" is not used`,
	devDependencies: (name) => `dev dependency "${name}" is not used`,
	optionalPeerDependencies: (name) => `optional peer dependency "${name}" is not used`,
	unlisted: (name) => `"${name}" is used but not listed in package.json`,
	binaries: (name) => `command "${name}" is run but no dependency provides it`,
	unresolved: (name) => `import "${name}" resolves to no file`,
	exports: (name) => `export "${name}" is not used outside its module`,
	nsExports: (name) => `export "${name}" is not used outside its module`,
	types: (name) => `exported type "${name}" is not used outside its module`,
	nsTypes: (name) => `exported type "${name}" is not used outside its module`,
	enumMembers: (name) => `enum member "${name}" is not used`,
	namespaceMembers: (name) => `namespace member "${name}" is not used`,
	duplicates: (names) => `the same export under several names: ${names}`,
	cycles: (names) => `modules import each other in a cycle: ${names}`,
};

const hint = 'https://knip.dev/guides/handling-issues';

/** Reads knip's JSON report (`knip --reporter json`) as problems, one per finding, at its line. */
export function parseKnipReport(json: string): Problem[] {
	const { issues } = JSON.parse(json) as { issues: KnipRow[] };
	return issues.flatMap((row) =>
		Object.entries(row).flatMap(([kind, found]) => {
			if (kind === 'file' || !Array.isArray(found)) return [];
			return found.map((item: KnipSymbol | KnipSymbol[]) => {
				// Duplicates and cycles come as groups of symbols.
				const symbols = Array.isArray(item) ? item : [item];
				const name = symbols.map((symbol) => symbol.name).join(', ');
				const message = messages[kind]?.(name) ?? `${kind}: ${name}`;
				const { line, col } = symbols[0] ?? {};
				return {
					file: row.file,
					...(line ? { line, ...(col ? { column: col } : {}) } : {}),
					message,
					hint,
				};
			});
		}),
	);
}

/** Unused files, exports, types and dependencies, and dependencies used but not listed, as knip finds them (`knip.jsonc`). */
export async function checkUnusedCode(root: string): Promise<Problem[]> {
	const { exitCode, output } = await runCommand(
		projectBin('knip'),
		['--reporter', 'json', '--no-config-hints', '--no-progress'],
		{ cwd: root },
	);
	const report = output.split('\n').find((line) => line.startsWith('{"issues":'));
	if (!report)
		return [
			{
				file: 'knip',
				message: `exited with code ${exitCode} without a report: ${output.trim().split('\n').slice(-20).join('\n')}`,
			},
		];
	return parseKnipReport(report);
}
