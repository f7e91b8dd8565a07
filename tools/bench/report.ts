import type { BuildPhases, DirectoryStats, PageWeight } from './measure';
import type { CorpusShape } from './corpus-shape';
import type { DevServerMeasurement } from './dev-server';
import type { SearchMeasurement } from './search';
import { formatBytes } from '#lib/content/text-file.ts';

export interface BuildRun {
	seconds: number;
	/** CPU seconds of the build's process tree, which the machine's load barely changes. */
	cpuSeconds: number;
	peakRssBytes: number;
	phases: BuildPhases;
}

/** Starlight's clean build of the same talk files, or why it was not measured. */
export type StarlightRun =
	| { seconds: number; cpuSeconds: number; peakRssBytes: number; pages?: number | undefined }
	| { skipped: string };

/** The two corpora: generated talks, and real FOSDEM schedules through the importer. */
export type CorpusKind = 'synthetic' | 'schedules';

/** Everything measured for one corpus at one size. */
export interface SizeResult {
	corpus: CorpusKind;
	talks: number;
	/** Generating the corpus, or importing the schedules edition by edition. */
	corpusSeconds: number;
	shape: CorpusShape;
	clean: BuildRun;
	unchanged: BuildRun;
	talkEdited: BuildRun;
	personEdited: BuildRun;
	starlight: StarlightRun;
	dev?: DevServerMeasurement | undefined;
	output: DirectoryStats;
	pagefind: DirectoryStats;
	talkPage: PageWeight;
	search?: SearchMeasurement[] | undefined;
}

/** The issue's targets, which apply at 10,000 talks. */
export const budgetSize = 10_000;

interface Row {
	metric: string;
	value: (result: SizeResult) => string;
	/** `met` is undefined when the run did not measure it. */
	budget?: { text: string; met: (result: SizeResult) => boolean | undefined };
}

const number = (value: number) => value.toLocaleString('en');
const seconds = (value: number | undefined) =>
	value === undefined ? 'n/a' : `${value.toFixed(1)} s`;
const milliseconds = (value: number) => `${value.toFixed(0)} ms`;
const files = (stats: DirectoryStats) =>
	`${formatBytes(stats.bytes)} in ${number(stats.files)} files`;
const kb = 1024;

/** The worst of the searches, which is what a budget is held to; undefined when skipped. */
const worstSearch = (result: SizeResult, pick: (search: SearchMeasurement) => number) =>
	result.search?.length ? Math.max(...result.search.map(pick)) : undefined;
const searchValue = (value: number | undefined, format: (value: number) => string) =>
	value === undefined ? 'skipped' : format(value);
const within = (value: number | undefined, limit: number) =>
	value === undefined ? undefined : value <= limit;
const rendered = (run: BuildRun) =>
	run.phases.upToDate
		? 'none: up to date'
		: `${number(run.phases.renderedPages ?? 0)} rendered, ${number(run.phases.cachedPages ?? 0)} copied`;

/** The rows of one rebuild: wall time with a budget, CPU time and what was rendered. */
const rebuildRows = (
	metric: string,
	run: (result: SizeResult) => BuildRun,
	budget?: { text: string; limit: number },
): Row[] => [
	{
		metric,
		value: (result) => seconds(run(result).seconds),
		...(budget
			? {
					budget: {
						text: budget.text,
						met: (result: SizeResult) => run(result).seconds <= budget.limit,
					},
				}
			: {}),
	},
	{ metric: '  CPU time (process tree)', value: (result) => seconds(run(result).cpuSeconds) },
	{ metric: '  routes', value: (result) => rendered(run(result)) },
];

export const rows: Row[] = [
	{
		metric: 'corpus',
		value: ({ shape }) =>
			`${number(shape.editions)} editions, ${number(shape.talks)} talks, ${number(shape.people)} people (${number(shape.peopleSpeakingOnce)} speak once), ${number(shape.topics)} topics`,
	},
	{ metric: 'corpus generated or imported', value: (result) => seconds(result.corpusSeconds) },
	{
		metric: 'clean build + index',
		value: (result) => seconds(result.clean.seconds),
		budget: { text: '≤ 55 s', met: (result) => result.clean.seconds <= 55 },
	},
	{ metric: '  CPU time (process tree)', value: (result) => seconds(result.clean.cpuSeconds) },
	{
		metric: '  content validation',
		value: (result) => seconds(result.clean.phases.validationSeconds),
	},
	{ metric: '  content sync + types', value: (result) => seconds(result.clean.phases.syncSeconds) },
	{
		metric: '  topic matching (within rendering)',
		value: (result) => seconds(result.clean.phases.topicsSeconds),
	},
	{ metric: '  rendering pages', value: (result) => seconds(result.clean.phases.renderSeconds) },
	{ metric: '  pruning', value: (result) => seconds(result.clean.phases.pruneSeconds) },
	{ metric: '  Pagefind', value: (result) => seconds(result.clean.phases.pagefindSeconds) },
	{ metric: '  offline files', value: (result) => seconds(result.clean.phases.offlineSeconds) },
	{
		metric: 'clean build + index vs Starlight, same talk files',
		value: ({ clean, starlight }) =>
			'skipped' in starlight
				? starlight.skipped
				: `${(clean.seconds / starlight.seconds).toFixed(2)}× (Starlight ${seconds(starlight.seconds)}, ${number(starlight.pages ?? 0)} pages)`,
		budget: {
			text: '< 1×',
			met: ({ clean, starlight }) =>
				'skipped' in starlight ? undefined : clean.seconds < starlight.seconds,
		},
	},
	{
		metric: '  CPU time vs Starlight',
		value: ({ clean, starlight }) =>
			'skipped' in starlight
				? starlight.skipped
				: `${(clean.cpuSeconds / starlight.cpuSeconds).toFixed(2)}× (Starlight ${seconds(starlight.cpuSeconds)})`,
	},
	{
		metric: '  Starlight peak RSS',
		value: ({ starlight }) =>
			'skipped' in starlight ? starlight.skipped : formatBytes(starlight.peakRssBytes),
	},
	{
		metric: 'peak RSS (process tree)',
		value: (result) => formatBytes(result.clean.peakRssBytes),
		budget: { text: '≤ 1 GB', met: (result) => result.clean.peakRssBytes <= 1024 ** 3 },
	},
	...rebuildRows('unchanged rebuild', (result) => result.unchanged, { text: '≤ 10 s', limit: 10 }),
	...rebuildRows('one talk edited', (result) => result.talkEdited, { text: '≤ 10 s', limit: 10 }),
	...rebuildRows('one person edited', (result) => result.personEdited, {
		text: '≤ 20 s',
		limit: 20,
	}),
	{
		metric: '  their talks (a speaker of several editions)',
		value: ({ shape }) =>
			shape.editedPerson ? number(shape.editedPerson.talks) : 'none: the first person',
	},
	{
		metric: 'dev server: first page',
		value: (result) => (result.dev ? seconds(result.dev.firstPageSeconds) : 'skipped'),
		budget: { text: '≤ 20 s', met: (result) => within(result.dev?.firstPageSeconds, 20) },
	},
	{
		metric: 'dev server: first page, second start',
		value: (result) => (result.dev ? seconds(result.dev.secondStartSeconds) : 'skipped'),
		budget: { text: '≤ 5 s', met: (result) => within(result.dev?.secondStartSeconds, 5) },
	},
	{
		metric: 'dev server: edited talk visible',
		value: (result) => (result.dev ? seconds(result.dev.editVisibleSeconds) : 'skipped'),
		budget: { text: '≤ 2 s', met: (result) => within(result.dev?.editVisibleSeconds, 2) },
	},
	{
		metric: 'pages built',
		value: ({ clean, shape }) =>
			`${number(clean.phases.pages ?? 0)} (${((clean.phases.pages ?? 0) / shape.talks).toFixed(2)} a talk)`,
	},
	{
		metric: 'pages per second (clean)',
		value: (result) => ((result.clean.phases.pages ?? 0) / result.clean.seconds).toFixed(0),
	},
	{ metric: 'output', value: (result) => files(result.output) },
	{ metric: 'Pagefind index', value: (result) => files(result.pagefind) },
	{
		metric: 'talk page HTML+CSS+JS, gzip',
		value: (result) =>
			`${formatBytes(result.talkPage.gzipBytes)} (raw ${formatBytes(result.talkPage.bytes)})`,
		budget: { text: '< 12 KB', met: (result) => result.talkPage.gzipBytes < 12 * kb },
	},
	{
		// Inline scripts are the small widgets the layout allows (the theme toggle); a script file
		// before search would be a new island.
		metric: 'talk page JavaScript',
		value: ({ talkPage }) =>
			`${formatBytes(talkPage.scriptBytes)} in ${talkPage.scriptFiles} files`,
		budget: {
			text: 'no script file before search',
			met: (result) => result.talkPage.scriptFiles === 0,
		},
	},
	{ metric: 'talk page requests', value: (result) => number(result.talkPage.requests) },
	{
		metric: 'search, cold: slowest opening (load + init)',
		value: (result) =>
			searchValue(
				worstSearch(result, (search) => search.openMilliseconds),
				milliseconds,
			),
	},
	{
		metric: 'search, cold: slowest query to first results',
		value: (result) =>
			searchValue(
				worstSearch(result, (search) => search.milliseconds),
				milliseconds,
			),
		budget: {
			text: '≤ 250 ms',
			met: (result) =>
				within(
					worstSearch(result, (search) => search.milliseconds),
					250,
				),
		},
	},
	{
		metric: 'search, cold: most transferred (gzip)',
		value: (result) =>
			searchValue(
				worstSearch(result, (search) => search.transferBytes),
				formatBytes,
			),
		budget: {
			text: '< 100 KB',
			met: (result) =>
				within(
					worstSearch(result, (search) => search.transferBytes),
					100 * kb - 1,
				),
		},
	},
];

/** A result's column heading: `10,000 talks`, or `10,000 FOSDEM talks` for the real schedules. */
export const columnHeading = (result: Pick<SizeResult, 'talks' | 'corpus'>) =>
	`${number(result.talks)} ${result.corpus === 'schedules' ? 'FOSDEM talks' : 'talks'}`;

/** A Markdown table of every metric by corpus size, with the budgets judged at 10,000 talks. */
export function formatTable(results: readonly SizeResult[]): string {
	const header = ['metric', ...results.map(columnHeading), `budget at ${number(budgetSize)}`];
	const lines = rows.map((row) => [
		row.metric.trim() === row.metric ? row.metric : `↳ ${row.metric.trim()}`,
		...results.map((result) => {
			const met = row.budget && result.talks >= budgetSize ? row.budget.met(result) : undefined;
			const judged = met === undefined ? '' : met ? ' ✅' : ' ❌';
			return `${row.value(result)}${judged}`;
		}),
		row.budget?.text ?? '',
	]);
	return [header, header.map(() => '---'), ...lines]
		.map((cells) => `| ${cells.join(' | ')} |`)
		.join('\n');
}

/** Every search of every size, one row each. */
export function formatSearches(results: readonly SizeResult[]): string {
	const searched = results.flatMap((result) =>
		(result.search ?? []).map((search) => ({ corpus: columnHeading(result), ...search })),
	);
	if (!searched.length) return '';
	const header =
		'| corpus | query | results | opening | query to first results | requests | transferred (gzip) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |';
	const lines = searched.map(
		(search) =>
			`| ${search.corpus} | \`${search.query}\` | ${number(search.results)} | ${milliseconds(search.openMilliseconds)} | ${milliseconds(search.milliseconds)} | ${search.requests} | ${formatBytes(search.transferBytes)} |`,
	);
	return [header, ...lines].join('\n');
}

/**
 * Inserts `block` at the end of the `## heading` section of a Markdown document (before the
 * next `## ` heading), creating the section at the end when it is missing. Other sections,
 * such as other benchmarks kept in the same file, stay untouched.
 */
export function appendToSection(document: string, heading: string, block: string): string {
	const lines = document.split('\n');
	const start = lines.findIndex((line) => line.trim() === heading);
	if (start === -1) return `${document.trimEnd()}\n\n${heading}\n\n${block.trim()}\n`;
	const next = lines.findIndex((line, index) => index > start && /^## /.test(line));
	const end = next === -1 ? lines.length : next;
	const before = lines.slice(0, end).join('\n').trimEnd();
	const after = lines.slice(end).join('\n');
	return `${before}\n\n${block.trim()}\n${after ? `\n${after}` : ''}`;
}
