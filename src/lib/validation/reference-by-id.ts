import { z } from 'astro/zod';
import type { EntryRef } from '#schemas/common.ts';
import type { CollectionName } from '#lib/content/collections.ts';

/**
 * The standalone checker's stand-in for Astro's `reference()`: it accepts an id and records
 * which collection it points into; `checkIntegrity` then resolves it against every entry.
 */
export function referenceById<C extends CollectionName>(collection: C) {
	return z
		.string({ error: `expected the id of an entry in ${collection}` })
		.min(1)
		.transform((id): EntryRef<C> => ({ collection, id }));
}
