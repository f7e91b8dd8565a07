import type { Problem } from '#lib/validation/problem.ts';

const diagnosticLine = /^(\S+?):(\d+):(\d+) - (error|warning) (\S+?): (.*)$/;

/** Reads `astro check`'s diagnostics (`src/x.astro:12:5 - error ts(2322): …`) as problems; warnings are kept out. */
export function parseAstroCheckOutput(output: string): Problem[] {
	return output.split('\n').flatMap((line) => {
		const match = diagnosticLine.exec(line.trim());
		if (!match || match[4] !== 'error') return [];
		const [, file, lineNumber, column, , code, message] = match;
		return [
			{
				file: file!,
				line: Number(lineNumber),
				column: Number(column),
				message: `${message} (${code})`,
			},
		];
	});
}
