import { getCollection } from 'astro:content';
import { collectionNames } from './collections';
import { buildHubIndex, type HubCollections, type HubIndex } from './hub-index';

let hub: Promise<HubIndex> | undefined;

/** The hub's collections and relations, loaded once per build and shared by every page. */
export function loadHub(): Promise<HubIndex> {
	hub ??= Promise.all(collectionNames.map(async (name) => [name, await getCollection(name)] as const)).then(
		(loaded) => buildHubIndex(Object.fromEntries(loaded) as unknown as HubCollections),
	);
	return hub;
}
