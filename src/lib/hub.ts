import { readFile } from 'node:fs/promises';
import { getCollection } from 'astro:content';
import { createCacheKeys, type CacheKeys } from './cache-keys';
import { collectionNames, type CollectionName } from './collections';
import { contentDir } from './content-dir';
import { getFileDates } from './git';
import { buildHubIndex, type HubCollections, type HubIndex, type Writing } from './hub-index';
import { talkCardIds } from './talk-cards';

let hub: Promise<HubIndex> | undefined;
let cacheKeys: Promise<CacheKeys> | undefined;

/** The talk cards each MDX recap, note and case study embeds, read from its source file. */
async function readTalkCards(collections: HubCollections): Promise<Map<string, Set<string>>> {
	const writing: Writing[] = [...collections.recaps, ...collections.notes, ...collections['case-studies']];
	const cards = new Map<string, Set<string>>();
	for (const entry of writing) {
		if (!entry.filePath?.endsWith('.mdx')) continue;
		cards.set(`${entry.collection}/${entry.id}`, new Set(talkCardIds(entry.filePath, await readFile(entry.filePath, 'utf8'))));
	}
	return cards;
}

/** The hub's collections and relations, loaded once per build and shared by every page. */
export function loadHub(): Promise<HubIndex> {
	hub ??= Promise.all(collectionNames.map(async (name) => [name, await getCollection(name)] as const)).then(async (loaded) => {
		const collections = Object.fromEntries(loaded) as unknown as HubCollections;
		return buildHubIndex(collections, { talkCards: await readTalkCards(collections) });
	});
	return hub;
}

/**
 * The `getStaticPaths` of an entry route (`src/pages/<collection>/[...id].astro`): a page per
 * entry of `collection`, the entry as the `entry` prop, with its incremental-build key.
 */
export async function entryPaths<C extends CollectionName>(collection: C) {
	const [hub, keys] = await Promise.all([loadHub(), loadCacheKeys()]);
	return hub.entries(collection).map((entry) => ({ params: { id: entry.id }, props: { entry }, cacheKey: keys.entry(entry) }));
}

/** Each page's key for incremental builds (`src/lib/cache-keys.ts`), computed once per build. */
export function loadCacheKeys(): Promise<CacheKeys> {
	cacheKeys ??= loadHub().then((index) =>
		createCacheKeys(index, {
			lastUpdated: (entry) => (entry.filePath ? getFileDates(entry.filePath, contentDir)?.changed.toISOString().slice(0, 10) : undefined),
		}),
	);
	return cacheKeys;
}
