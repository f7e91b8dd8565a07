import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import type { Problem } from '#lib/validation/problem.ts';
import { projectBin, runCommand } from '#tools/run-command.ts';

const hint = 'npm run format rewrites the code as Prettier formats it';

/** The first line where a file and its formatted text differ. */
function firstDifference(text: string, formatted: string): number {
	const lines = text.split('\n');
	const expected = formatted.split('\n');
	const index = lines.findIndex((line, at) => line !== expected[at]);
	return (index === -1 ? Math.min(lines.length, expected.length) : index) + 1;
}

/**
 * Lists the code Prettier would format differently (the files `npm run format` would rewrite),
 * each at its first differing line. Prettier's CLI picks the files, honouring `.prettierignore`
 * and `.gitignore` exactly as `npm run format` does.
 */
export async function checkFormatting(root: string): Promise<Problem[]> {
	const { exitCode, output } = await runCommand(projectBin('prettier'), ['--list-different', '.'], {
		cwd: root,
	});
	const problems: Problem[] = [];
	for (const line of output.split('\n').filter(Boolean)) {
		// `[error] src/x.ts: SyntaxError: ';' expected. (3:7)` for a file Prettier cannot parse.
		const error = /^\[error\] (.+?): (.*?)(?: \((\d+):(\d+)\))?$/.exec(line);
		if (error) {
			const [, file, message, errorLine, column] = error;
			problems.push({
				file: file!,
				...(errorLine ? { line: Number(errorLine), column: Number(column) } : {}),
				message: `Prettier cannot format it: ${message}`,
			});
			continue;
		}
		if (line.startsWith('[')) continue;
		const file = path.join(root, line);
		const text = await readFile(file, 'utf8');
		const formatted = await prettier.format(text, {
			...(await prettier.resolveConfig(file)),
			filepath: file,
		});
		problems.push({
			file: line,
			line: firstDifference(text, formatted),
			message: 'not formatted as Prettier formats it',
			hint,
		});
	}
	if (exitCode > 1 && problems.length === 0)
		problems.push({ file: 'prettier', message: `exited with code ${exitCode}: ${output.trim()}` });
	return problems;
}
