import { describe, expect, it } from 'vitest';
import {
	appendToSection,
	formatSearches,
	formatTable,
	rows,
	type SizeResult,
} from '#tools/bench/report.ts';

const run = (seconds: number, peakRssBytes = 600 * 1024 ** 2) => ({
	seconds,
	cpuSeconds: seconds * 0.8,
	peakRssBytes,
	phases: {
		pages: Math.round(seconds * 100),
		renderedPages: 20,
		cachedPages: 1500,
		upToDate: false,
		validationSeconds: 0.2,
		syncSeconds: 1,
		renderSeconds: 2,
		pruneSeconds: 0.1,
		pagefindSeconds: 0.5,
		offlineSeconds: 0.3,
		astroSeconds: seconds - 1,
	},
});
const result = (
	talks: number,
	cleanSeconds: number,
	corpus: SizeResult['corpus'] = 'synthetic',
): SizeResult => ({
	corpus,
	talks,
	corpusSeconds: 3,
	shape: {
		editions: 2,
		talks,
		people: 600,
		peopleSpeakingOnce: 480,
		topics: 12,
		editedPerson: { id: 'ada', talks: 4 },
	},
	clean: run(cleanSeconds),
	unchanged: { ...run(1.5), phases: { upToDate: true } },
	talkEdited: run(cleanSeconds / 2),
	personEdited: run(cleanSeconds / 2),
	starlight: { seconds: 50, cpuSeconds: 40, peakRssBytes: 1024 ** 3, pages: 1001 },
	dev: { firstPageSeconds: 12, editVisibleSeconds: 2.5, secondStartSeconds: 6 },
	output: { bytes: 5 * 1024 ** 2, files: 700 },
	pagefind: { bytes: 1024 ** 2, files: 300 },
	talkPage: { bytes: 16_000, gzipBytes: 5_000, scriptBytes: 700, scriptFiles: 0, requests: 3 },
	search: [
		{
			query: 'musl',
			results: 12,
			openMilliseconds: 40,
			milliseconds: 180,
			requests: 9,
			transferBytes: 90_000,
		},
		{
			query: 'zfs',
			results: 3,
			openMilliseconds: 50,
			milliseconds: 300,
			requests: 9,
			transferBytes: 80_000,
		},
	],
});

describe('formatTable', () => {
	const table = formatTable([result(1000, 10), result(10_000, 60)]);
	const lines = table.split('\n');
	const row = (metric: string) =>
		lines.find((line) => line.startsWith(`| ${metric} |`))!.split(' | ');

	it('has a header, a separator and a row per metric', () => {
		expect(lines[0]).toBe('| metric | 1,000 talks | 10,000 talks | budget at 10,000 |');
		expect(formatTable([result(10_000, 60, 'schedules')]).split('\n')[0]).toBe(
			'| metric | 10,000 FOSDEM talks | budget at 10,000 |',
		);
		expect(lines[1]).toBe('| --- | --- | --- | --- |');
		expect(lines).toHaveLength(2 + rows.length);
	});
	it('judges budgets at 10,000 talks only, against the worst search', () => {
		expect(row('clean build + index')).toEqual([
			'| clean build + index',
			'10.0 s',
			'60.0 s ❌',
			'≤ 55 s |',
		]);
		expect(row('peak RSS (process tree)')).toEqual([
			'| peak RSS (process tree)',
			'600 MB',
			'600 MB ✅',
			'≤ 1 GB |',
		]);
		expect(row('talk page JavaScript')[2]).toBe('700 bytes in 0 files ✅');
		expect(row('clean build + index vs Starlight, same talk files')[1]).toBe(
			'0.20× (Starlight 50.0 s, 1,001 pages)',
		);
		expect(row('clean build + index vs Starlight, same talk files')[2]).toBe(
			'1.20× (Starlight 50.0 s, 1,001 pages) ❌',
		);
		expect(row('↳ CPU time vs Starlight')[2]).toBe('1.20× (Starlight 40.0 s)');
		expect(row('search, cold: slowest query to first results')[2]).toBe('300 ms ❌');
		expect(row('search, cold: most transferred (gzip)')[2]).toBe('87.9 KB ✅');
		expect(row('unchanged rebuild')[2]).toBe('1.5 s ✅');
		expect(row('one talk edited')[2]).toBe('30.0 s ❌');
		expect(row('one person edited')[2]).toBe('30.0 s ❌');
		expect(row('one person edited')[3]).toBe('≤ 20 s |');
		expect(row('dev server: first page')[2]).toBe('12.0 s ✅');
		expect(row('dev server: edited talk visible')[2]).toBe('2.5 s ❌');
		expect(row('dev server: first page, second start')[2]).toBe('6.0 s ❌');
	});
	it('says what each rebuild rendered', () => {
		expect(lines.filter((line) => line.startsWith('| ↳ routes |'))).toEqual([
			'| ↳ routes | none: up to date | none: up to date |  |',
			'| ↳ routes | 20 rendered, 1,500 copied | 20 rendered, 1,500 copied |  |',
			'| ↳ routes | 20 rendered, 1,500 copied | 20 rendered, 1,500 copied |  |',
		]);
	});
	it('marks phases as parts of the clean build and derives pages per second', () => {
		expect(row('↳ CPU time (process tree)')[1]).toBe('8.0 s');
		expect(row('↳ Pagefind')[1]).toBe('0.5 s');
		expect(row('↳ pruning')[1]).toBe('0.1 s');
		expect(row('↳ offline files')[1]).toBe('0.3 s');
		expect(row('pages per second (clean)')[1]).toBe('100');
	});
	it('gives the corpus its shape and says whose edit the person row is', () => {
		expect(row('corpus')[1]).toBe(
			'2 editions, 1,000 talks, 600 people (480 speak once), 12 topics',
		);
		expect(row('pages built')[1]).toBe('1,000 (1.00 a talk)');
		expect(row('↳ their talks (a speaker of several editions)')[1]).toBe('4');
		const noneRecurring = formatTable([
			{ ...result(1000, 10), shape: { ...result(1000, 10).shape, editedPerson: undefined } },
		]);
		expect(noneRecurring).toContain(
			'| ↳ their talks (a speaker of several editions) | none: the first person |',
		);
	});
	it('says when the browser part was skipped', () => {
		const skipped = formatTable([{ ...result(10_000, 30), search: undefined }]);
		expect(skipped).toContain(
			'| search, cold: slowest query to first results | skipped | ≤ 250 ms |',
		);
		const noStarlight = formatTable([
			{ ...result(10_000, 30), starlight: { skipped: 'Starlight could not be installed' } },
		]);
		expect(noStarlight).toContain(
			'| clean build + index vs Starlight, same talk files | Starlight could not be installed | < 1× |',
		);
	});
});

describe('formatSearches', () => {
	it('lists each query of each size', () => {
		const lines = formatSearches([result(1000, 10)]).split('\n');
		expect(lines).toHaveLength(4);
		expect(lines[2]).toBe('| 1,000 talks | `musl` | 12 | 40 ms | 180 ms | 9 | 87.9 KB |');
	});
	it('is empty without searches', () => {
		expect(formatSearches([{ ...result(1000, 10), search: undefined }])).toBe('');
	});
});

describe('appendToSection', () => {
	const heading = '## Build and search';
	it('creates the section at the end when missing', () => {
		expect(appendToSection('# Benchmarks\n\nIntro.\n', heading, 'run 1\n')).toBe(
			'# Benchmarks\n\nIntro.\n\n## Build and search\n\nrun 1\n',
		);
	});
	it('adds to the end of its own section and leaves the next one alone', () => {
		const document = '# Benchmarks\n\n## Build and search\n\nrun 1\n\n## Import\n\nimport run\n';
		expect(appendToSection(document, heading, 'run 2')).toBe(
			'# Benchmarks\n\n## Build and search\n\nrun 1\n\nrun 2\n\n## Import\n\nimport run\n',
		);
	});
	it('appends at the end when its section is the last', () => {
		expect(
			appendToSection('## Import\n\nx\n\n## Build and search\n\nrun 1\n', heading, 'run 2'),
		).toBe('## Import\n\nx\n\n## Build and search\n\nrun 1\n\nrun 2\n');
	});
});
