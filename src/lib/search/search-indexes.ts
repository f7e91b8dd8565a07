/**
 * The search is several Pagefind indexes (docs/search.md): the hub's (people, recaps, notes,
 * sponsors, case studies, topics), at the bundle's root with Pagefind's code, and one per edition
 * (an event and its talks) in `editions/<event id>/`, listed in `editions.json`. Readers search
 * the hub's, the most recent editions' (`defaultScope`) and the edition of the page they came
 * from; "All years" merges the rest.
 */

/** The name of the hub's index, for pages of no edition. */
export const hubSearchIndex = 'hub';

/** The list of editions' indexes, inside the bundle (`pagefind/editions.json`). */
export const searchIndexesFile = 'editions.json';

/** The `<meta name>` an edition's pages carry with their event's id; the hub's pages carry none. */
export const searchIndexMarker = 'edelweiss-search-index';

/**
 * The Pagefind filter that says which edition a dated page belongs to. It is not a facet: the
 * merged search reads its counts to tell which index each date-sorted result came from
 * (`merged-search.ts`), and hides it from everything else.
 */
export const editionFilter = 'edition';

/** The result metadata holding a page's date as `YYYY-MM-DD` (or `YYYY-MM`), for ordering across indexes. */
export const isoDateMeta = 'isodate';

export interface EditionIndex {
	/** The event's id. */
	id: string;
	/** The event's title. */
	title: string;
	/** The earliest and latest date of its pages (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known). */
	start?: string | undefined;
	end?: string | undefined;
	/** Its folder inside the bundle (`editions/<id>/`), ending in `/`. */
	path: string;
	/** How many pages it indexes. */
	pages: number;
	/** The total size of its index files. */
	bytes: number;
}

export interface SearchIndexes {
	/** The hub's index, at the bundle's root. */
	hub: { pages: number; bytes: number };
	/** Newest first. */
	editions: EditionIndex[];
	/** The ids of the editions searched before the reader asks for all years (`defaultScope`). */
	defaultScope: string[];
}

/** The search index an entry's page belongs to: its event's for a talk, its own for an event, else the hub's. */
export function searchIndexOf(entry: { collection: string; id: string; data: unknown }): string {
	if (entry.collection === 'events') return entry.id;
	if (entry.collection === 'talks') return (entry.data as { event: { id: string } }).event.id;
	return hubSearchIndex;
}

/**
 * How much index the editions searched by default may weigh together, unless the build says
 * otherwise (`EDELWEISS_SEARCH_SCOPE_BYTES`). A search fetches only parts of an index, so this
 * bounds a first search well below it; an archive whose editions each weigh more searches its
 * most recent alone, a small hub all of its editions.
 */
export const defaultScopeBytes = 256 * 1024;

/**
 * The editions searched before the reader asks for all years, decided when the site is built:
 * the most recent, then the next most recent while their indexes together stay within
 * `defaultScopeBytes`. An edition just announced, its event page alone, so never hides the
 * talks of the one before.
 */
export function defaultScope(
	editions: readonly EditionIndex[],
	budget = defaultScopeBytes,
): string[] {
	let bytes = 0;
	const scope: string[] = [];
	for (const edition of editions) {
		bytes += edition.bytes;
		if (scope.length && bytes > budget) break;
		scope.push(edition.id);
	}
	return scope;
}

/**
 * What a search page or the header's search starts with: the default scope, and the edition of
 * the page the reader came from (`current`, an edition's id), in the listing's order.
 */
export function defaultEditions(indexes: SearchIndexes, current?: string | null): EditionIndex[] {
	return indexes.editions.filter(
		(edition) => indexes.defaultScope.includes(edition.id) || edition.id === current,
	);
}
