import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mergedSearch, type PagefindInstance } from '#lib/search/merged-search.ts';
import type { FilterCounts, SelectedFilters } from '#lib/search/search-query.ts';
import { searchIndexesFile, type SearchIndexes } from '#lib/search/search-indexes.ts';

/** One ranked result, with the metadata the index records (see `search-record.ts`). */
export interface SearchHit {
	url: string;
	title: string;
	type?: string | undefined;
	event?: string | undefined;
	date?: string | undefined;
	speakers?: string | undefined;
	/** Pagefind's excerpt: HTML with the matched words in `<mark>`. */
	excerpt: string;
	score: number;
}

export interface SearchOptions {
	filters?: SelectedFilters | undefined;
	sort?: Record<string, 'asc' | 'desc'> | undefined;
	limit?: number | undefined;
}

export interface BuiltIndex {
	filters(): Promise<FilterCounts>;
	search(term: string, options?: SearchOptions): Promise<{ total: number; hits: SearchHit[] }>;
}

/** The one-line hint for a site that was not built yet. */
export class MissingIndexError extends Error {
	constructor(bundle: string) {
		super(`No search index at ${bundle}: run \`npm run build\` first.`);
		this.name = 'MissingIndexError';
	}
}

/** The part of Pagefind's browser API (`pagefind.js`) used here. */
interface PagefindModule {
	createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

let fileFetchInstalled = false;

/**
 * Pagefind fetches its index chunks and WebAssembly relative to its bundle; Node's `fetch`
 * refuses `file:` URLs, so those are answered from disk and everything else goes on as before.
 */
function installFileFetch() {
	if (fileFetchInstalled) return;
	fileFetchInstalled = true;
	const networkFetch = globalThis.fetch;
	globalThis.fetch = async (input, init) => {
		const href = input instanceof Request ? input.url : String(input);
		if (!href.startsWith('file:')) return networkFetch(input, init);
		const body = await readFile(fileURLToPath(href));
		const type =
			href.endsWith('.wasm') || href.endsWith('.pagefind')
				? 'application/wasm'
				: 'application/octet-stream';
		return new Response(body, { headers: { 'content-type': type } });
	};
}

/**
 * Opens the Pagefind indexes of a built site (`<dist>/pagefind/`: the hub's and every edition's,
 * `#lib/search/search-indexes.ts`) in Node by running Pagefind's own browser search code against
 * them, every year merged, so results and ranking are the browser's exactly.
 */
export async function openBuiltIndex(dist: string): Promise<BuiltIndex> {
	const bundle = path.resolve(dist, 'pagefind');
	const entry = path.join(bundle, 'pagefind.js');
	await access(entry).catch(() => {
		throw new MissingIndexError(bundle);
	});
	installFileFetch();
	const module = (await import(pathToFileURL(entry).href)) as PagefindModule;
	// An instance of its own: the module is loaded once per process, and a site may be opened again after a rebuild.
	// Result URLs stay site-relative (`/talks/podman/`), as on the site.
	const bundlePath = pathToFileURL(bundle).href + '/';
	const { editions } = JSON.parse(
		await readFile(path.join(bundle, searchIndexesFile), 'utf8').catch(() => '{"editions":[]}'),
	) as SearchIndexes;
	const pagefind = mergedSearch(module.createInstance({ basePath: bundlePath, baseUrl: '/' }), [], {
		bundlePath,
		baseUrl: '/',
	});
	for (const edition of editions) await pagefind.mergeEdition(edition);
	return {
		filters: () => pagefind.filters(),
		async search(term, { filters, sort, limit = 10 } = {}) {
			// An empty query with filters lists every matching page, as the search page does.
			const response = await pagefind.search(term.trim() || null, { filters, sort });
			const results = response?.results ?? [];
			const ranked = results.slice(0, limit);
			const hits = await Promise.all(
				ranked.map(async (result) => {
					const { url, excerpt, meta } = await result.data();
					const { title = url, type, event, date, speakers } = meta;
					return { url, title, type, event, date, speakers, excerpt, score: result.score };
				}),
			);
			return { total: results.length, hits };
		},
	};
}
