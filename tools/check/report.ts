import { createHash } from 'node:crypto';
import { formatLocation, formatProblem, isError, type Problem } from '#lib/validation/problem.ts';
import { xmlDocument, type XmlElement } from '#lib/xml.ts';

/** What one stage of `npm run check` found. */
export interface StageResult {
	/** Stable id, e.g. `content`, `links`. */
	id: string;
	title: string;
	problems: Problem[];
	/** Why the stage did not run, e.g. because the build it needs failed. */
	skipped?: string;
	/** Extra output worth showing when the stage fails, e.g. a build log. */
	details?: string;
	durationMs: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Problems that fail a stage: warnings are reported but fail nothing. */
export const stageErrors = (stage: StageResult) => stage.problems.filter(isError);
export const stagePassed = (stage: StageResult) =>
	!stage.skipped && stageErrors(stage).length === 0;

/** `2 problems, 1 warning`: what a stage found, errors and warnings counted apart. */
function found(stage: StageResult): string {
	const errors = stageErrors(stage).length;
	const warnings = stage.problems.length - errors;
	return [errors ? plural(errors, 'problem') : '', warnings ? plural(warnings, 'warning') : '']
		.filter(Boolean)
		.join(', ');
}

/** The report printed at the end: each stage's problems, then one line per stage. */
export function formatCheckReport(stages: readonly StageResult[]): string {
	const sections = stages
		.filter((stage) => stage.problems.length > 0 || stage.details)
		.map((stage) => {
			const lines = stage.problems.map(
				(problem) => `  ${formatProblem(problem).replaceAll('\n', '\n  ')}`,
			);
			const details = stage.details ? [`  ${stage.details.trim().replaceAll('\n', '\n  ')}`] : [];
			return [`${stage.title}: ${found(stage)}`, ...lines, ...details].join('\n');
		});
	const summary = stages.map((stage) => {
		const status = stage.skipped ? 'skipped' : stageErrors(stage).length ? 'FAILED ' : 'ok     ';
		const detail = stage.skipped ?? found(stage);
		return `  ${status} ${stage.title.padEnd(28)} ${detail} (${(stage.durationMs / 1000).toFixed(1)} s)`.trimEnd();
	});
	const failed = stages.filter((stage) => stageErrors(stage).length > 0).length;
	const skipped = stages.filter((stage) => stage.skipped).length;
	const total = stages.reduce((sum, stage) => sum + stageErrors(stage).length, 0);
	const skippedNote = skipped ? `, ${skipped} skipped` : '';
	const verdict = failed
		? `check failed: ${plural(total, 'problem')} in ${plural(failed, 'stage')}${skippedNote}`
		: `check passed${skippedNote}`;
	return [...sections, ['Summary:', ...summary].join('\n'), verdict].join('\n\n');
}

/** JUnit XML: one test suite per stage, one failing test case per problem (GitLab and GitHub show these). */
export function toJUnit(stages: readonly StageResult[]): string {
	const testSuite = (stage: StageResult): XmlElement => {
		const classname = `check.${stage.id}`;
		const cases: XmlElement[] = stage.skipped
			? [{ '@name': stage.title, '@classname': classname, skipped: { '@message': stage.skipped } }]
			: stageErrors(stage).length === 0
				? [{ '@name': stage.title, '@classname': classname }]
				: stageErrors(stage).map((problem) => ({
						'@name': formatLocation(problem),
						'@classname': classname,
						'@file': problem.file,
						failure: { '@message': problem.message, '#text': formatProblem(problem) },
					}));
		return {
			'@name': stage.title,
			'@tests': cases.length,
			'@failures': stage.skipped ? 0 : stageErrors(stage).length,
			'@skipped': stage.skipped ? 1 : 0,
			'@time': (stage.durationMs / 1000).toFixed(3),
			testcase: cases,
		};
	};
	return xmlDocument({
		testsuites: { '@name': 'npm run check', testsuite: stages.map(testSuite) },
	});
}

/** GitLab's code-quality report (a subset of Code Climate's format): merge requests show each problem on its line. */
export function toCodeQuality(stages: readonly StageResult[]) {
	return stages.flatMap((stage) =>
		stage.problems.map((problem) => ({
			description: `${problem.field ? `${problem.field}: ` : ''}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`,
			check_name: `edelweiss-${stage.id}`,
			fingerprint: createHash('sha256')
				.update(`${stage.id}\n${formatProblem(problem)}`)
				.digest('hex'),
			severity: isError(problem) ? 'major' : 'minor',
			location: { path: problem.file, lines: { begin: problem.line ?? 1 } },
		})),
	);
}

/** GitHub Actions workflow commands: each problem becomes an annotation on its file and line. */
export function toGitHubAnnotations(stages: readonly StageResult[]): string {
	const escape = (text: string) =>
		text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const escapeProperty = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return stages
		.flatMap((stage) =>
			stage.problems.map((problem) => {
				const properties = [
					`file=${escapeProperty(problem.file)}`,
					...(problem.line ? [`line=${problem.line}`] : []),
					...(problem.column ? [`col=${problem.column}`] : []),
					`title=${escapeProperty(stage.title)}`,
				];
				return `::${isError(problem) ? 'error' : 'warning'} ${properties.join(',')}::${escape(`${problem.field ? `${problem.field}: ` : ''}${problem.message}${problem.hint ? `\nhint: ${problem.hint}` : ''}`)}`;
			}),
		)
		.join('\n');
}
