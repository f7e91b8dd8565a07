import type { FilterCounts, SelectedFilters } from '#lib/search/search-query.ts';

/** One result of a Pagefind search; its data (excerpt with `<mark>`ed words, URL) loads on demand. */
export interface PagefindResult {
	id: string;
	data(): Promise<{ url: string; excerpt?: string }>;
}

/** The part of a Pagefind Component UI instance the site drives (see Pagefind's component docs). */
export interface SearchInstance {
	searchTerm: string;
	searchFilters: SelectedFilters;
	searchSort: Record<string, string>;
	totalFilters: FilterCounts | null;
	/** Options for Pagefind, taken only before the instance loads. */
	applyOptions(options: { mergeIndex?: { bundlePath: string; baseUrl: string }[] }): void;
	triggerLoad(): Promise<void>;
	/** Loads Pagefind once (Component UI's own method, which `triggerLoad` and every search call). */
	__load__(): Promise<void>;
	/** The instance's loaded Pagefind (Component UI's own field), whose `search` the suggestions use. */
	__pagefind__?:
		{ search(term: string): Promise<{ results: PagefindResult[] } | null> } | undefined;
	/** Runs one search (Component UI's own method, which every trigger calls). */
	__search__(term: string, filters: SelectedFilters): Promise<void>;
	triggerSearchWithFilters(term: string, filters: SelectedFilters): void;
	triggerFilters(filters: SelectedFilters): void;
	on(event: 'search', callback: (term: string, filters: SelectedFilters) => void): void;
	on(event: 'results', callback: (found: { results: PagefindResult[] } | undefined) => void): void;
}

declare global {
	interface Window {
		/** Set by the header's inline script (`inline-scripts/search-trigger.js`), on every page. */
		edelweissSearch?: { load(): Promise<void> };
		/** Set in the `file://` bundle by `file-bundle/search-loader.js`: loads search from disk. */
		edelweissFileSearch?: { load(): Promise<void> };
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): SearchInstance } };
	}
}

/** Loads Pagefind's Component UI through the header's loader, so a page loads it once. */
export function loadSearchUI(): Promise<void> {
	if (!window.edelweissSearch)
		return Promise.reject(new Error('The header search script did not run'));
	return window.edelweissSearch.load();
}

/** A Component UI instance by name, once `loadSearchUI` has finished. */
export function searchInstance(name: string): SearchInstance {
	const components = window.PagefindComponents;
	if (!components) throw new Error('Pagefind Component UI is not loaded');
	return components.getInstanceManager().getInstance(name);
}
