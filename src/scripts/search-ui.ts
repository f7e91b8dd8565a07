import { withBase } from '../lib/urls';
import type { FilterCounts, SelectedFilters } from '../lib/search-query';

/** The part of a Pagefind Component UI instance the site drives (see Pagefind's component docs). */
export interface SearchInstance {
	searchTerm: string;
	searchFilters: SelectedFilters;
	searchSort: Record<string, string>;
	totalFilters: FilterCounts | null;
	triggerLoad(): Promise<void>;
	triggerSearchWithFilters(term: string, filters: SelectedFilters): void;
	on(event: 'search', callback: (term: string, filters: SelectedFilters) => void): void;
	on(event: 'error', callback: (error: unknown) => void): void;
}

declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): SearchInstance } };
	}
}

let loading: Promise<void> | undefined;

/**
 * Loads Pagefind's Component UI from the built bundle, once, on the reader's first move
 * towards search: pages carry none of it until then. A module script and a stylesheet link
 * from the site's own origin, so a strict CSP needs no exception beyond Pagefind's own.
 */
export function loadSearchUI(): Promise<void> {
	loading ??= new Promise<void>((resolve, reject) => {
		const stylesheet = Object.assign(document.createElement('link'), {
			rel: 'stylesheet',
			href: withBase('/pagefind/pagefind-component-ui.css'),
		});
		document.head.append(stylesheet);
		import(/* @vite-ignore */ withBase('/pagefind/pagefind-component-ui.js')).then(() => resolve(), reject);
	}).catch((error) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

/** A Component UI instance by name, once `loadSearchUI` has finished. */
export function searchInstance(name: string): SearchInstance {
	const components = window.PagefindComponents;
	if (!components) throw new Error('Pagefind Component UI is not loaded');
	return components.getInstanceManager().getInstance(name);
}
