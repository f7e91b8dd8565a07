import { getCollection } from 'astro:content';
import { collectionNames } from '../schemas/common';
import { createCacheKeys, type CacheKeys } from './cache-keys';
import { contentDir } from './content-dir';
import { getLastUpdated } from './git';
import { buildHubIndex, type HubCollections, type HubIndex } from './hub-index';

let hub: Promise<HubIndex> | undefined;
let cacheKeys: Promise<CacheKeys> | undefined;

/** The hub's collections and relations, loaded once per build and shared by every page. */
export function loadHub(): Promise<HubIndex> {
	hub ??= Promise.all(collectionNames.map(async (name) => [name, await getCollection(name)] as const)).then(
		(loaded) => buildHubIndex(Object.fromEntries(loaded) as unknown as HubCollections),
	);
	return hub;
}

/** Each page's key for incremental builds (`src/lib/cache-keys.ts`), computed once per build. */
export function loadCacheKeys(): Promise<CacheKeys> {
	cacheKeys ??= loadHub().then((index) =>
		createCacheKeys(index, {
			lastUpdated: (entry) => (entry.filePath ? getLastUpdated(entry.filePath, contentDir)?.toISOString().slice(0, 10) : undefined),
		}),
	);
	return cacheKeys;
}
