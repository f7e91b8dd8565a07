import { mergedSearch, type PagefindInstance } from '#lib/search/merged-search.ts';
import {
	defaultEditions,
	searchIndexesFile,
	type EditionIndex,
	type SearchIndexes,
} from '#lib/search/search-indexes.ts';
import { filterValueSlug, type FilterCounts } from '#lib/search/search-query.ts';
import type { SearchInstance } from './search-ui';

/** What the search page's URL says about its scope: `?edition=fosdem-2020`, `?years=all` and its filters. */
export interface ScopeRequest {
	/** The edition of the page the reader came from. */
	edition: string | null;
	allYears: boolean;
	/** Written `event` and `year` filter values: the editions they name are searched too. */
	events: readonly string[];
	years: readonly string[];
}

export const scopeRequestFrom = (params: URLSearchParams): ScopeRequest => ({
	edition: params.get('edition'),
	allYears: params.get('years') === 'all',
	events: params.getAll('event'),
	years: params.getAll('year'),
});

/** The editions a search page opens with: the default scope, every edition a filter of its URL names, or all. */
export function initialEditions(listing: SearchIndexes, request: ScopeRequest): EditionIndex[] {
	if (request.allYears) return listing.editions;
	const chosen = new Set(defaultEditions(listing, request.edition));
	const events = new Set(request.events.map((event) => filterValueSlug('event', event)));
	for (const edition of listing.editions) {
		const years = [edition.start, edition.end].map((date) => date?.slice(0, 4));
		if (
			events.has(filterValueSlug('event', edition.title)) ||
			years.some((year) => year && request.years.includes(year))
		)
			chosen.add(edition);
	}
	return listing.editions.filter((edition) => chosen.has(edition));
}

export interface SearchScope {
	listing: SearchIndexes;
	/** The editions searched now, in the listing's order. */
	editions(): EditionIndex[];
	/** Merges every other edition ("All years"); the next search includes them. */
	allYears(): Promise<void>;
	/** Every filter value of the indexes searched now. */
	filters(): Promise<FilterCounts>;
}

/**
 * Gives a Component UI instance, before it loads, the hub's index plus `editions` (Pagefind's
 * `mergeIndex`), and puts `mergedSearch` between it and Pagefind: the instance keeps its loaded
 * Pagefind in `__pagefind__` and calls only its `search` and `filters`, so every search it runs,
 * the first included, is ordered newest first across indexes when asked and never shows the
 * `edition` filter.
 */
export function scopeSearchInstance(
	instance: SearchInstance,
	listing: SearchIndexes,
	editions: readonly EditionIndex[],
	{ bundlePath, baseUrl }: { bundlePath: string; baseUrl: string },
): SearchScope {
	instance.applyOptions({
		mergeIndex: editions.map((edition) => ({
			bundlePath: `${bundlePath}${edition.path}`,
			baseUrl,
		})),
	});
	let search: ReturnType<typeof mergedSearch> | undefined;
	Object.defineProperty(instance, '__pagefind__', {
		configurable: true,
		get: () => search,
		set: (loaded: PagefindInstance | undefined) => {
			search = loaded && mergedSearch(loaded, editions, { bundlePath, baseUrl });
		},
	});
	return {
		listing,
		editions: () =>
			listing.editions.filter((edition) =>
				(search?.editions ?? editions).some((known) => known.id === edition.id),
			),
		async allYears() {
			if (!search) await instance.triggerLoad();
			for (const edition of listing.editions) await search!.mergeEdition(edition);
		},
		async filters() {
			if (!search) await instance.triggerLoad();
			return search!.filters();
		},
	};
}

/**
 * The bundle's list of editions; none (the hub's index alone) when it cannot be read, and in a
 * copy opened from disk, whose Pagefind merges every edition itself (`file-bundle/pagefind-classic.js`).
 */
export async function fetchSearchIndexes(bundlePath: string): Promise<SearchIndexes> {
	const hubAlone: SearchIndexes = { hub: { pages: 0, bytes: 0 }, editions: [], defaultScope: [] };
	if (window.edelweissFileSearch) return hubAlone;
	const response = await fetch(`${bundlePath}${searchIndexesFile}`).catch(() => undefined);
	if (!response?.ok) return hubAlone;
	return (await response.json()) as SearchIndexes;
}
