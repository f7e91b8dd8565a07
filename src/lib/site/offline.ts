import { createHash } from 'node:crypto';
import path from 'node:path';
import { urlPathOf } from '#lib/view/urls.ts';
import { digestParts } from '#lib/digest.ts';
import type { OfflineUnit } from './offline-units';

/** One unit as `offline.json` lists it: its files are in `list`, fetched only when saving. */
export interface OfflineUnitSummary {
	id: string;
	kind: 'hub' | 'edition';
	title: string;
	date?: string;
	/** Where the unit's file URLs are (a JSON array), and the cache that keeps them once saved. */
	list: string;
	cache: string;
	/** Pages among the files, the files to download and their bytes. */
	pages: number;
	files: number;
	bytes: number;
	/** What the service worker keeps from every reader's first visit (the hub part's shell and search): counted here, not downloaded again. */
	precachedBytes: number;
}

/** What "Save for offline" offers, written to `offline.json` by the build. */
export interface OfflineManifest {
	/** Changes whenever any built file changes; names the caches of this deploy. */
	version: string;
	caches: OfflineCaches;
	/** The hub part first, then each edition, newest first. */
	units: OfflineUnitSummary[];
	/** Every unit together. */
	everything: { pages: number; files: number; bytes: number };
	/** Whether every reader's first visit keeps the hub part's whole search, fragments included. */
	searchPrecached: boolean;
}

export interface OfflineCaches {
	/** Pages kept as they are read. */
	pages: string;
	/** Search files kept as searches use them. */
	search: string;
	/** What every saved unit's cache name starts with: `<saved><unit id>`. */
	saved: string;
}

/**
 * Below this size (index and result fragments together) the whole search is kept on a reader's
 * first visit, so search works offline at once; above it, fragments wait for "Save for offline".
 */
export const searchPrecacheBudget = 2 * 1024 * 1024;

/** Pagefind's result fragments, the hub's and each edition's, as precache patterns. */
const fragmentPatterns = ['pagefind/fragment/*', 'pagefind/editions/**/fragment/*'];

/**
 * The search files a reader needs (core, index, filters, fragments), the hub's and each
 * edition's (`pagefind/editions/<id>/`), not Pagefind's other UIs.
 */
export const isSearchFile = (path: string) =>
	path.startsWith('pagefind/') &&
	!/(^|\/)(pagefind-(ui|modular-ui|highlight)\.|wasm\.unknown\.)[^/]*$/.test(path);

/** Cache names of one deploy; the service worker deletes every other deploy's. */
export const offlineCacheNames = (version: string): OfflineCaches => ({
	pages: `edelweiss-pages-${version}`,
	search: `edelweiss-search-${version}`,
	saved: `edelweiss-saved-${version}-`,
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
	// Each edition's index beside the hub's (docs/search.md), and their list: the search page
	// merges several, so each must answer offline; their fragments follow the budget above.
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
	return (
		precachedFiles([...files.keys()], { searchPrecached })
			// File URLs as they are (`/offline/index.html`): Workbox answers `/offline/` from them itself.
			.map((file) => ({
				url: `${base.replace(/\/?$/, '/')}${file}`,
				revision: files.get(file)!.slice(0, 32),
			}))
	);
}

/** The built files (paths relative to the output directory) every reader's service worker precaches, sorted. */
export function precachedFiles(
	files: readonly string[],
	{ searchPrecached = false } = {},
): string[] {
	const patterns = precachePatternsFor({ searchPrecached });
	return files.filter((file) => patterns.some((pattern) => path.matchesGlob(file, pattern))).sort();
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

/** A file's content digest, which `offlineVersion` versions a deploy by. */
export const fileDigest = (content: Uint8Array) =>
	createHash('sha256').update(content).digest('hex');

/**
 * A deploy's version, from every built file's path and `fileDigest`: digests rather than
 * contents, so a 10,000-talk build need not sit in memory at once.
 */
export function offlineVersion(files: ReadonlyMap<string, string>): string {
	const paths = [...files.keys()].sort();
	return digestParts(paths.flatMap((path) => [path, files.get(path)!])).slice(0, 12);
}

/** Where a unit's file list is written, relative to the output directory: `offline/units/editions/fosdem-2020.json`. */
export const unitListFile = (unitId: string) => `offline/units/${unitId}.json`;

/**
 * `offline.json` and each unit's list of URLs to download: a unit's files but those every
 * reader's service worker already precached (`precached`, paths relative to the output
 * directory), whose bytes are counted apart.
 */
export function offlineManifest(
	units: readonly OfflineUnit[],
	sizes: ReadonlyMap<string, number>,
	{
		version,
		base = '/',
		precached,
		searchPrecached,
	}: { version: string; base?: string; precached: ReadonlySet<string>; searchPrecached: boolean },
): { manifest: OfflineManifest; lists: Map<string, string[]> } {
	const caches = offlineCacheNames(version);
	const lists = new Map<string, string[]>();
	const summaries = units.map((unit): OfflineUnitSummary => {
		const download = unit.files.filter((file) => !precached.has(file));
		lists.set(
			unitListFile(unit.id),
			download.map((file) => urlPathOf(file, base)),
		);
		const bytes = download.reduce((sum, file) => sum + sizes.get(file)!, 0);
		return {
			id: unit.id,
			kind: unit.kind,
			title: unit.title,
			...(unit.date === undefined ? {} : { date: unit.date }),
			list: urlPathOf(unitListFile(unit.id), base),
			cache: `${caches.saved}${unit.id}`,
			pages: unit.pages,
			files: download.length,
			bytes,
			precachedBytes: unit.bytes - bytes,
		};
	});
	const total = (key: 'pages' | 'files' | 'bytes') =>
		summaries.reduce((sum, unit) => sum + unit[key], 0);
	return {
		manifest: {
			version,
			caches,
			units: summaries,
			everything: { pages: total('pages'), files: total('files'), bytes: total('bytes') },
			searchPrecached,
		},
		lists,
	};
}
