import type { FilterCounts, SelectedFilters } from './search-query';
import { editionFilter, hubSearchIndex, isoDateMeta, type EditionIndex } from './search-indexes';

/** A result's data, as Pagefind's `result.data()` gives it (the parts read here). */
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

/** One result of a Pagefind search. */
export interface PagefindResult<Data extends PagefindResultData = PagefindResultData> {
	id: string;
	score: number;
	data(): Promise<Data>;
}

export interface PagefindSearchOptions {
	filters?: SelectedFilters | undefined;
	sort?: Record<string, string> | undefined;
}

export interface PagefindResponse<Result extends PagefindResult = PagefindResult> {
	results: Result[];
	filters?: FilterCounts | undefined;
	totalFilters?: FilterCounts | undefined;
}

/** A Pagefind instance (`createInstance` of Pagefind's `pagefind.js`): the hub's index with the editions merged into it. */
export interface PagefindInstance<Response extends PagefindResponse = PagefindResponse> {
	search(term: string | null, options?: PagefindSearchOptions): Promise<Response | null>;
	filters(): Promise<FilterCounts>;
	mergeIndex(bundlePath: string, options: { baseUrl: string }): Promise<void>;
}

const withoutEditionFilter = (filters: FilterCounts | undefined) => {
	if (!filters || !(editionFilter in filters)) return filters;
	const { [editionFilter]: _, ...rest } = filters;
	return rest;
};

/** A result whose data is fetched once however often it is asked for (the order reads it, then the UI). */
const memoised = <Result extends PagefindResult>(result: Result): Result => {
	let data: ReturnType<Result['data']> | undefined;
	return { ...result, data: () => (data ??= result.data() as ReturnType<Result['data']>) };
};

/**
 * Which index each result of a date-sorted merged search came from. Pagefind sorts each index's
 * results alone and scores them `count − 1 − rank`, then merges by score, ties in the order the
 * indexes were merged (the hub's first): with each index's count (the editions' from the
 * `edition` filter's counts, the hub's the rest), that order can be laid out again. Undefined
 * when the scores say otherwise (a Pagefind that merges differently).
 */
export function originsOfSorted(
	scores: readonly number[],
	counts: readonly (readonly [index: string, count: number])[],
): string[] | undefined {
	const most = Math.max(0, ...counts.map(([, count]) => count));
	const origins: string[] = [];
	for (let score = most - 1; score >= 0; score--)
		for (const [index, count] of counts) {
			if (count <= score) continue;
			if (scores[origins.length] !== score) return undefined;
			origins.push(index);
		}
	return origins.length === scores.length ? origins : undefined;
}

const overlaps = (a: EditionIndex, b: EditionIndex) =>
	Boolean(a.start && a.end && b.start && b.end && a.start <= b.end && b.start <= a.end);
const within = (date: string, edition: EditionIndex) =>
	Boolean(edition.start && edition.end && edition.start <= date && date <= edition.end);

/**
 * Orders a merged, date-sorted search newest first across indexes. Each index's own order is
 * right; the editions' date ranges (`editions.json`) place their results without loading them,
 * except where a range holds a date of another index's result: the hub's results (dated anywhere)
 * and those of editions whose ranges overlap load their data for its `isodate` metadata. When the
 * origins cannot be told, every result's data is loaded.
 */
export async function newestFirst<Result extends PagefindResult>(
	results: readonly Result[],
	editions: readonly EditionIndex[],
	editionCounts: Readonly<Record<string, number>>,
): Promise<Result[]> {
	const memo = results.map(memoised);
	const dateOf = async (result: Result) => (await result.data()).meta[isoDateMeta] ?? '';
	const editionTotal = editions.reduce((sum, edition) => sum + (editionCounts[edition.id] ?? 0), 0);
	const origins =
		results.length >= editionTotal
			? originsOfSorted(
					results.map((result) => result.score),
					[
						[hubSearchIndex, results.length - editionTotal],
						...editions.map((edition) => [edition.id, editionCounts[edition.id] ?? 0] as const),
					],
				)
			: undefined;
	if (!origins) {
		const dates = await Promise.all(memo.map(dateOf));
		return memo
			.map((result, position) => ({ result, date: dates[position]! }))
			.sort((a, b) => b.date.localeCompare(a.date))
			.map(({ result }) => result);
	}
	const byIndex = new Map<string, Result[]>();
	memo.forEach((result, position) => {
		const origin = origins[position]!;
		if (!byIndex.has(origin)) byIndex.set(origin, []);
		byIndex.get(origin)!.push(result);
	});
	const hubResults = byIndex.get(hubSearchIndex) ?? [];
	const hubDates = await Promise.all(hubResults.map(dateOf));
	const present = editions.filter((edition) => byIndex.has(edition.id));
	const keyed: { result: Result; key: string }[] = [];
	for (const edition of [...present].sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))) {
		const own = byIndex.get(edition.id)!;
		const mixed =
			!edition.end ||
			hubDates.some((date) => within(date, edition)) ||
			present.some((other) => other !== edition && overlaps(edition, other));
		// Alone in its range, an edition's results keep Pagefind's order under one key.
		const dates = mixed ? await Promise.all(own.map(dateOf)) : own.map(() => edition.end!);
		own.forEach((result, position) => keyed.push({ result, key: dates[position]! }));
	}
	hubResults.forEach((result, position) => keyed.push({ result, key: hubDates[position]! }));
	// A stable sort: results under one key stay in their index's order.
	return keyed.sort((a, b) => b.key.localeCompare(a.key)).map(({ result }) => result);
}

/**
 * Search over the hub's index and the editions merged into `instance`, in the order they were
 * merged: relevance as Pagefind merges it, newest first across indexes (`newestFirst`), and the
 * `edition` filter hidden. `mergeEdition` adds an edition ("All years").
 */
export function mergedSearch<Response extends PagefindResponse>(
	instance: PagefindInstance<Response>,
	merged: readonly EditionIndex[],
	{ bundlePath, baseUrl }: { bundlePath: string; baseUrl: string },
) {
	const editions = [...merged];
	return {
		/** The editions searched, in the order they were merged. */
		editions: editions as readonly EditionIndex[],
		async mergeEdition(edition: EditionIndex) {
			if (editions.some((known) => known.id === edition.id)) return;
			editions.push(edition);
			await instance.mergeIndex(`${bundlePath}${edition.path}`, { baseUrl });
		},
		async filters() {
			return withoutEditionFilter(await instance.filters())!;
		},
		async search(term: string | null, options: PagefindSearchOptions = {}) {
			const response = await instance.search(term, options);
			if (!response) return response;
			const counts = response.filters?.[editionFilter] ?? {};
			const results =
				options.sort?.date === 'desc'
					? await newestFirst(response.results, editions, counts)
					: response.results;
			return {
				...response,
				results,
				filters: withoutEditionFilter(response.filters),
				totalFilters: withoutEditionFilter(response.totalFilters),
			} as Response;
		},
	};
}
