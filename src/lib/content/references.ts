import type { EntryRef } from '#schemas/common.ts';
import { isCollectionName, type CollectionName } from './collections';

/** A reference to another entry found in front matter, with the path of the field that holds it. */
export interface FoundReference {
	path: PropertyKey[];
	ref: EntryRef<CollectionName>;
}

/**
 * Every `{ collection, id }` reference in an entry's data, in order, at any depth, with its field
 * path (`['speakers', 1]`): what validation checks, `people:merge` rewrites and a page's cache
 * key follows. An object is a reference when it has exactly those two keys and names a collection.
 */
export function findReferences(value: unknown, path: PropertyKey[] = []): FoundReference[] {
	if (Array.isArray(value)) return value.flatMap((item, index) => findReferences(item, [...path, index]));
	if (!value || typeof value !== 'object' || value instanceof Date) return [];
	const record = value as Record<string, unknown>;
	if (typeof record.id === 'string' && typeof record.collection === 'string' && isCollectionName(record.collection) && Object.keys(record).length === 2) {
		return [{ path, ref: { collection: record.collection, id: record.id } }];
	}
	return Object.entries(record).flatMap(([key, item]) => findReferences(item, [...path, key]));
}
