/// <reference lib="webworker" />
/**
 * The hub's service worker, bundled by the offline integration. It precaches the shell and
 * the Pagefind bundle of one deploy, keeps pages it serves (network first, so readers online
 * always see the latest), and answers pages it does not have with the offline page.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	matchPrecache,
	precacheAndRoute,
	type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare const EDELWEISS_CACHES: { pages: string; search: string };
declare const EDELWEISS_OFFLINE_PAGE: string;
/** Workbox's precache manifest, put in place of this name by the build (`injectPrecacheManifest`). */
declare const EDELWEISS_PRECACHE: PrecacheEntry[];
const worker = self as unknown as ServiceWorkerGlobalScope;

// Pagefind adds `?ts=` to its entry file to defeat HTTP caches; the precache is versioned anyway.
precacheAndRoute(EDELWEISS_PRECACHE, { ignoreURLParametersMatching: [/^ts$/] });
cleanupOutdatedCaches();

// A saved page also answers its URLs with a query, such as `/search/?q=apk`.
registerRoute(
	({ request }) => request.mode === 'navigate',
	new NetworkFirst({
		cacheName: EDELWEISS_CACHES.pages,
		networkTimeoutSeconds: 5,
		matchOptions: { ignoreSearch: true },
	}),
);
// Fragment names are content hashes: a cached one never goes stale.
registerRoute(
	({ url }) => /\/pagefind\/(editions\/.+\/)?fragment\//.test(url.pathname),
	new CacheFirst({ cacheName: EDELWEISS_CACHES.search }),
);

setCatchHandler(async ({ request }) =>
	request.mode === 'navigate'
		? ((await matchPrecache(EDELWEISS_OFFLINE_PAGE)) ?? Response.error())
		: Response.error(),
);

// A new deploy takes over at once and drops the previous deploy's pages and fragments, so
// the search index in use always matches the pages it links to.
worker.skipWaiting();
clientsClaim();
worker.addEventListener('activate', (event) => {
	const current = new Set(Object.values(EDELWEISS_CACHES));
	event.waitUntil(
		caches
			.keys()
			.then((names) =>
				Promise.all(
					names
						.filter((name) => name.startsWith('edelweiss-') && !current.has(name))
						.map((name) => caches.delete(name)),
				),
			),
	);
});
