import { createHash } from 'node:crypto';
import path from 'node:path';
import { urlPathOf } from '#lib/view/urls.ts';
import { digestParts } from '#lib/digest.ts';

/** What "Save for offline" downloads, written to `offline.json` by the build. */
export interface OfflineList {
	/** Changes whenever any built file changes; names the caches of this deploy. */
	version: string;
	caches: { pages: string; search: string };
	/** Every page, as the URL path a reader navigates to. */
	pages: string[];
	/** Pagefind's per-page result fragments left for "Save for offline": none when they are precached. */
	search: string[];
	/** Whether every reader's first visit keeps the whole search, fragments included. */
	searchPrecached: boolean;
}

/**
 * Below this size (index and result fragments together) the whole search is kept on a reader's
 * first visit, so search works offline at once; above it, fragments wait for "Save for offline".
 */
export const searchPrecacheBudget = 2 * 1024 * 1024;

/** Pagefind's result fragments, the hub's and each edition's, as precache patterns. */
const fragmentPatterns = ['pagefind/fragment/*', 'pagefind/editions/**/fragment/*'];
const isFragment = (path: string) => /^pagefind\/(editions\/.+\/)?fragment\//.test(path);

/** The search files a reader needs (core, index, filters, fragments), not Pagefind's other UIs. */
export const isSearchFile = (path: string) =>
	path.startsWith('pagefind/') &&
	!/^pagefind\/(pagefind-(ui|modular-ui|highlight)\.|wasm\.unknown\.)/.test(path);

/** Cache names of one deploy; the service worker deletes every other deploy's. */
export const offlineCacheNames = (version: string) => ({
	pages: `edelweiss-pages-${version}`,
	search: `edelweiss-search-${version}`,
});

/** Files every reader's service worker precaches: the shell and the search bundle, and the fragments when the whole search is small. */
const precachePatternsFor = ({ searchPrecached }: { searchPrecached: boolean }) => [
	...precachePatterns,
	...(searchPrecached ? fragmentPatterns : []),
];

/** The shell and the search bundle, without the fragments. */
const precachePatterns = [
	'_astro/**/*.{css,js}',
	'favicon.svg',
	'manifest.webmanifest',
	'offline.json',
	'offline/index.html',
	// Pagefind's search core and the Component UI the header uses; not its other UIs.
	'pagefind/{pagefind,pagefind-worker,pagefind-component-ui}.js',
	'pagefind/pagefind-component-ui.css',
	'pagefind/pagefind-entry.json',
	'pagefind/*.{pf_meta,pagefind}',
	'pagefind/{index,filter}/*',
	// Each edition's index beside the hub's (docs/search.md), and their list.
	'pagefind/editions.json',
	'pagefind/editions/**/pagefind-entry.json',
	'pagefind/editions/**/*.pf_meta',
	'pagefind/editions/**/{index,filter}/*',
];

/** One precached file, as Workbox's `precacheAndRoute` takes it: the revision changes with the content. */
export interface PrecacheEntry {
	url: string;
	revision: string;
}

/**
 * The service worker's precache manifest: the built files `precachePatternsFor` selects (paths
 * relative to the output directory, each with its `fileDigest`), as URLs under `base`.
 */
export function precacheManifest(
	files: ReadonlyMap<string, string>,
	{ base = '/', searchPrecached = false } = {},
): PrecacheEntry[] {
	const patterns = precachePatternsFor({ searchPrecached });
	return (
		[...files.keys()]
			.filter((file) => patterns.some((pattern) => path.matchesGlob(file, pattern)))
			.sort()
			// File URLs as they are (`/offline/index.html`): Workbox answers `/offline/` from them itself.
			.map((file) => ({
				url: `${base.replace(/\/?$/, '/')}${file}`,
				revision: files.get(file)!.slice(0, 32),
			}))
	);
}

/** Where the build puts the precache manifest into the bundled service worker (`sw.ts` declares it). */
const precacheInjectionPoint = 'EDELWEISS_PRECACHE';

/** The bundled service worker with its manifest in place of the one `precacheInjectionPoint`. */
export function injectPrecacheManifest(
	serviceWorker: string,
	manifest: readonly PrecacheEntry[],
): string {
	const parts = serviceWorker.split(precacheInjectionPoint);
	if (parts.length !== 2)
		throw new Error(
			`The service worker must name ${precacheInjectionPoint} exactly once; it names it ${parts.length - 1} times`,
		);
	return parts.join(JSON.stringify(manifest));
}

/** A file's content digest, which `offlineList` versions a deploy by. */
export const fileDigest = (content: Uint8Array) =>
	createHash('sha256').update(content).digest('hex');

/**
 * Lists what "Save for offline" downloads from the built site's files (paths relative to the
 * output directory, each with its `fileDigest`), versioned by every file's path and content.
 * Digests rather than contents, so a 10,000-talk build need not sit in memory at once.
 */
export function offlineList(
	files: ReadonlyMap<string, string>,
	base = '/',
	{ searchPrecached = false } = {},
): OfflineList {
	const paths = [...files.keys()].sort();
	const version = digestParts(paths.flatMap((path) => [path, files.get(path)!])).slice(0, 12);
	return {
		version,
		caches: offlineCacheNames(version),
		pages: paths
			.filter((path) => path.endsWith('.html') && path !== '404.html')
			.map((path) => urlPathOf(path, base)),
		search: searchPrecached ? [] : paths.filter(isFragment).map((path) => urlPathOf(path, base)),
		searchPrecached,
	};
}
