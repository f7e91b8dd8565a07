import { slug } from 'github-slugger';
import { trackSlug } from '#lib/view/track-slug.ts';

/**
 * The state of a search as the reader shares it: a URL like
 * `/search/?q=podman&type=talk&event=fosdem-2020`, or `npm run search -- podman --type talk`.
 * Filter values are written as slugs of the values Pagefind knows ("FOSDEM 2020" → `fosdem-2020`),
 * so links stay short and readable; the index's own values are found again by slug. A track is
 * written as its one slug (`trackSlug`, as its pages are named); the slug it had before is still
 * read, so links shared earlier keep working. The filter
 * keys are the search facets' (`searchFacetKeys` in search-record.ts), passed in so this module,
 * which the search page's script bundles, does not carry the facets' code.
 */

/** Filter values and their page counts, as Pagefind's `filters()` returns them. */
export type FilterCounts = Record<string, Record<string, number>>;
export type SelectedFilters = Record<string, string[]>;

/** How many filter values are picked, for the phone's "Filters" disclosure to say. */
export const activeFilterCount = (filters: SelectedFilters) =>
	Object.values(filters).reduce((count, values) => count + values.length, 0);

/** The only sort the index offers besides relevance. */
export const dateSort = { date: 'desc' } as const;

export interface SearchState {
	term: string;
	filters: SelectedFilters;
	/** Newest first instead of by relevance. */
	newestFirst: boolean;
}

/** A filter value the index does not know, with the values it does know. */
export interface UnknownFilterValue {
	key: string;
	written: string;
	known: string[];
}

export const filterValueSlug = (key: string, value: string) =>
	key === 'track' ? trackSlug(value) || slug(value) : slug(value);

/** Finds the index's value for a value written as its slug or in full (`fosdem-2020`, `FOSDEM 2020`). */
export function resolveFilterValue(
	available: FilterCounts,
	key: string,
	written: string,
): string | undefined {
	const values = Object.keys(available[key] ?? {});
	return (
		values.find(
			(value) => value === written || filterValueSlug(key, value) === filterValueSlug(key, written),
		) ??
		// A track link written before tracks had one slug (`café--co`).
		values.find((value) => slug(value) === written)
	);
}

/** Resolves filters written by a reader; values the index does not know are returned apart, never dropped silently. */
export function resolveFilters(
	available: FilterCounts,
	written: Record<string, readonly string[]>,
): { filters: SelectedFilters; unknown: UnknownFilterValue[] } {
	const filters: SelectedFilters = {};
	const unknown: UnknownFilterValue[] = [];
	for (const [key, values] of Object.entries(written)) {
		for (const value of values) {
			const resolved = resolveFilterValue(available, key, value);
			if (resolved) (filters[key] ??= []).push(resolved);
			else
				unknown.push({
					key,
					written: value,
					known: Object.keys(available[key] ?? {}).map((known) => filterValueSlug(key, known)),
				});
		}
	}
	return { filters, unknown };
}

/** Reads the query, the filters `keys` names (`?tag=a&tag=b`) and the sort from a search page URL. */
export function searchStateFromParams(
	params: URLSearchParams,
	available: FilterCounts,
	keys: readonly string[],
) {
	const written: Record<string, string[]> = {};
	for (const key of keys) {
		const values = params.getAll(key).filter(Boolean);
		if (values.length) written[key] = values;
	}
	const { filters, unknown } = resolveFilters(available, written);
	const state: SearchState = {
		term: params.get('q') ?? '',
		filters,
		newestFirst: params.get('sort') === 'date',
	};
	return { state, unknown };
}

/** Writes a search as URL parameters, filters in the order of `keys`, so equal searches give equal URLs. */
export function paramsFromSearchState(
	state: SearchState,
	keys: readonly string[],
): URLSearchParams {
	const params = new URLSearchParams();
	if (state.term.trim()) params.set('q', state.term.trim());
	for (const key of keys) {
		for (const value of state.filters[key] ?? []) params.append(key, filterValueSlug(key, value));
	}
	if (state.newestFirst) params.set('sort', 'date');
	return params;
}

/** `event "fosdem-2021" (known: fosdem-2020, alpineconf-2021)`, for the search page's notice. */
export function describeUnknownFilterValue({ key, written, known }: UnknownFilterValue): string {
	return `${key} "${written}"${known.length ? ` (known: ${known.join(', ')})` : ''}`;
}
