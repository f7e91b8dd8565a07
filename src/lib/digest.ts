import { createHash, type Hash } from 'node:crypto';

type Part = string | Uint8Array;

/** Adds `parts` to `hash`, each followed by a NUL, so `['ab', 'c']` and `['a', 'bc']` differ. */
export function updateWithParts(hash: Hash, parts: Iterable<Part>): Hash {
	for (const part of parts) hash.update(part).update('\0');
	return hash;
}

/**
 * The SHA-256 of `parts` joined as `updateWithParts` joins them: the one digest behind cache keys,
 * build fingerprints, the offline version and the search index's inputs.
 */
export const digestParts = (parts: Iterable<Part>, encoding: 'hex' | 'base64url' = 'hex') =>
	updateWithParts(createHash('sha256'), parts).digest(encoding);
