/**
 * The search is several Pagefind indexes (docs/search.md): the hub's (people, recaps, notes,
 * sponsors, case studies), at the bundle's root with Pagefind's code, and one per edition (an
 * event and its talks) in `editions/<event id>/`, listed in `editions.json`. Readers search the
 * hub's, the most recent edition's and the edition of the page they are on; "all years" merges
 * the rest.
 */

/** The name of the hub's index, for pages of no edition. */
export const hubSearchIndex = 'hub';

/** The list of editions' indexes, inside the bundle. */
export const searchIndexesFile = 'editions.json';

export interface EditionIndex {
	/** The event's id. */
	id: string;
	/** Its folder inside the bundle, ending in `/`. */
	path: string;
	/** Its event's first day (or its latest page's date): the list is newest first. */
	date?: string;
	pages: number;
}

export interface SearchIndexes {
	/** Newest first. */
	editions: EditionIndex[];
}

/** The search index an entry's page belongs to: its event's for a talk, its own for an event, else the hub's. */
export function searchIndexOf(entry: { collection: string; id: string; data: unknown }): string {
	if (entry.collection === 'events') return entry.id;
	if (entry.collection === 'talks') return (entry.data as { event: { id: string } }).event.id;
	return hubSearchIndex;
}

/**
 * The editions searched before the reader asks for all years: the most recent, and the one of
 * the page they are on (`current`, an edition's id; the hub's pages have none).
 */
export function defaultEditions(indexes: SearchIndexes, current?: string): EditionIndex[] {
	return indexes.editions.filter((edition, position) => position === 0 || edition.id === current);
}
