import { describe, expect, it } from 'vitest';
import { newestFirst, originsOfSorted } from '#lib/search/merged-search.ts';
import type { EditionIndex } from '#lib/search/search-indexes.ts';

const edition = (id: string, start: string, end: string): EditionIndex => ({
	id,
	title: id,
	start,
	end,
	path: `editions/${id}/`,
	pages: 1,
	bytes: 1,
});

/**
 * A merged, date-sorted result list as Pagefind 1.6 returns it: each index's results in its
 * own date order scored `count − 1 − rank`, all sorted by score, ties in merge order.
 */
function pagefindMerge(indexes: [string, string[]][]) {
	const loaded: string[] = [];
	const results = indexes.flatMap(([, dates]) =>
		dates.map((date, rank) => ({
			id: date,
			score: dates.length - 1 - rank,
			data: async () => {
				loaded.push(date);
				return { url: `/${date}/`, excerpt: '', meta: { isodate: date } };
			},
		})),
	);
	return { results: results.sort((a, b) => b.score - a.score), loaded };
}

describe('originsOfSorted', () => {
	it('lays out which index each merged result came from, from each index’s count', () => {
		expect(
			originsOfSorted(
				[2, 1, 1, 0, 0, 0],
				[
					['hub', 1],
					['a', 3],
					['b', 2],
				],
			),
		).toEqual(['a', 'a', 'b', 'hub', 'a', 'b']);
	});
	it('gives up when the scores are not Pagefind’s merge of those counts', () => {
		expect(
			originsOfSorted(
				[2, 1, 0],
				[
					['hub', 1],
					['a', 1],
				],
			),
		).toBeUndefined();
		expect(originsOfSorted([0.4, 0.2], [['hub', 2]])).toBeUndefined();
	});
});

describe('newestFirst', () => {
	const y2024 = edition('conf-2024', '2024-05-01', '2024-05-04');
	const y2023 = edition('conf-2023', '2023-05-01', '2023-05-02');
	const y2022 = edition('conf-2022', '2022-05-01', '2022-05-02');

	it('orders across indexes by date, loading only the hub’s results and those of a range one of them falls in', async () => {
		const { results, loaded } = pagefindMerge([
			['hub', ['2024-05-03', '2023-08-01']],
			['conf-2024', ['2024-05-04', '2024-05-02', '2024-05-01']],
			['conf-2023', ['2023-05-02', '2023-05-01']],
			['conf-2022', ['2022-05-01']],
		]);
		const ordered = await newestFirst(results, [y2024, y2023, y2022], {
			'conf-2024': 3,
			'conf-2023': 2,
			'conf-2022': 1,
		});
		expect(ordered.map((result) => result.id)).toEqual([
			'2024-05-04',
			'2024-05-03',
			'2024-05-02',
			'2024-05-01',
			'2023-08-01',
			'2023-05-02',
			'2023-05-01',
			'2022-05-01',
		]);
		// 2023 and 2022 were placed by their ranges alone.
		expect(loaded.sort()).toEqual([
			'2023-08-01',
			'2024-05-01',
			'2024-05-02',
			'2024-05-03',
			'2024-05-04',
		]);
	});

	it('loads the results of editions whose ranges overlap', async () => {
		const other = edition('other-2024', '2024-05-02', '2024-05-02');
		const { results, loaded } = pagefindMerge([
			['hub', []],
			['conf-2024', ['2024-05-04', '2024-05-01']],
			['other-2024', ['2024-05-02']],
			['conf-2022', ['2022-05-01']],
		]);
		const ordered = await newestFirst(results, [y2024, other, y2022], {
			'conf-2024': 2,
			'other-2024': 1,
			'conf-2022': 1,
		});
		expect(ordered.map((result) => result.id)).toEqual([
			'2024-05-04',
			'2024-05-02',
			'2024-05-01',
			'2022-05-01',
		]);
		expect(loaded.sort()).toEqual(['2024-05-01', '2024-05-02', '2024-05-04']);
	});

	it('loads every result’s date when the origins cannot be told', async () => {
		const { results, loaded } = pagefindMerge([
			['hub', ['2021-01-01']],
			['conf-2024', ['2024-05-04']],
		]);
		// Counts that do not add up to what the merge returned.
		const ordered = await newestFirst(results, [y2024], { 'conf-2024': 5 });
		expect(ordered.map((result) => result.id)).toEqual(['2024-05-04', '2021-01-01']);
		expect(loaded).toHaveLength(2);
	});
});
