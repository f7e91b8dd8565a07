/** One thing wrong with the content, located as precisely as the source allows. */
export interface Problem {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	line?: number;
	column?: number;
	/** Dotted field path inside the front matter, e.g. `speakers.1`. */
	field?: string;
	message: string;
	/** A likely fix, e.g. the closest existing id. */
	hint?: string;
	/** A warning is shown but fails nothing: the page is published safely without what it names. */
	severity?: 'warning';
}

/** Problems that fail a build, a check or an import: all but warnings. */
export const isError = (problem: Problem) => problem.severity !== 'warning';

export function formatLocation(problem: Problem): string {
	if (problem.line === undefined) return problem.file;
	return `${problem.file}:${problem.line}:${problem.column ?? 1}`;
}

/** One line per problem, `file:line:col field: message (hint)`, the form editors and CI logs link. */
export function formatProblem(problem: Problem): string {
	const field = problem.field ? ` ${problem.field}:` : '';
	const hint = problem.hint ? `\n    hint: ${problem.hint}` : '';
	const warning = problem.severity === 'warning' ? ' warning:' : '';
	return `${formatLocation(problem)}${warning}${field} ${problem.message}${hint}`;
}

export function formatReport(problems: readonly Problem[]): string {
	const files = new Set(problems.map((problem) => problem.file)).size;
	const warnings = problems.filter((problem) => !isError(problem)).length;
	const counted =
		warnings === problems.length
			? `${warnings} content warning${warnings === 1 ? '' : 's'}`
			: `${problems.length} content problem${problems.length === 1 ? '' : 's'}`;
	const heading = `${counted} in ${files} file${files === 1 ? '' : 's'}:`;
	return [
		heading,
		...problems.map((problem) => `  ${formatProblem(problem).replaceAll('\n', '\n  ')}`),
	].join('\n');
}

/** Stable order: by file, then line, so reports diff cleanly between runs. */
export function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0),
	);
}
