/// <reference lib="webworker" />
/**
 * The hub's service worker, bundled by the offline step. It precaches the shell and the hub
 * part's search of one deploy, keeps pages it serves (network first, so readers online always
 * see the latest), answers from the units a reader saved ("Save for offline" puts each in a
 * cache of its own) when the network does not, and answers other pages with the offline page.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	matchPrecache,
	precacheAndRoute,
	type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, type StrategyOptions } from 'workbox-strategies';
import { savingHeader } from './saving-header';

declare const EDELWEISS_CACHES: { pages: string; search: string; saved: string };
declare const EDELWEISS_OFFLINE_PAGE: string;
/** Workbox's precache manifest, put in place of this name by the build (`injectPrecacheManifest`). */
declare const EDELWEISS_PRECACHE: PrecacheEntry[];
const worker = self as unknown as ServiceWorkerGlobalScope;

// Pagefind adds `?ts=` to its entry file to defeat HTTP caches; the precache is versioned anyway.
precacheAndRoute(EDELWEISS_PRECACHE, { ignoreURLParametersMatching: [/^ts$/] });
cleanupOutdatedCaches();

/**
 * What a strategy finds in its own cache, or else the copy in a saved unit's cache of this
 * deploy (any query ignored: a saved page answers `/search/?q=apk`, Pagefind's entry file
 * its `?ts=`).
 */
const fromSavedUnits: NonNullable<StrategyOptions['plugins']>[number] = {
	cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
		if (cachedResponse) return cachedResponse;
		for (const name of await caches.keys()) {
			if (!name.startsWith(EDELWEISS_CACHES.saved)) continue;
			const saved = await (await caches.open(name)).match(request, { ignoreSearch: true });
			if (saved) return saved;
		}
		return null;
	},
};

registerRoute(
	({ request }) => request.mode === 'navigate',
	new NetworkFirst({
		cacheName: EDELWEISS_CACHES.pages,
		networkTimeoutSeconds: 5,
		matchOptions: { ignoreSearch: true },
		plugins: [fromSavedUnits],
	}),
);
// Search files the precache does not hold: fragments (the hub's and the editions') when
// they are over the precache budget. Within one deploy (the caches are named after it) a kept
// copy is current: fragment and index names are content hashes, and a new deploy brings a new
// worker and new caches.
registerRoute(
	({ url, request }) => url.pathname.includes('/pagefind/') && !request.headers.has(savingHeader),
	new CacheFirst({
		cacheName: EDELWEISS_CACHES.search,
		matchOptions: { ignoreSearch: true },
		plugins: [fromSavedUnits],
	}),
);

setCatchHandler(async ({ request }) =>
	request.mode === 'navigate'
		? ((await matchPrecache(EDELWEISS_OFFLINE_PAGE)) ?? Response.error())
		: Response.error(),
);

// A new deploy takes over at once and drops the previous deploy's pages, fragments and saved
// units, so the search index in use always matches the pages it links to.
worker.skipWaiting();
clientsClaim();
worker.addEventListener('activate', (event) => {
	const current = new Set([EDELWEISS_CACHES.pages, EDELWEISS_CACHES.search]);
	event.waitUntil(
		caches
			.keys()
			.then((names) =>
				Promise.all(
					names
						.filter(
							(name) =>
								name.startsWith('edelweiss-') &&
								!current.has(name) &&
								!name.startsWith(EDELWEISS_CACHES.saved),
						)
						.map((name) => caches.delete(name)),
				),
			),
	);
});
