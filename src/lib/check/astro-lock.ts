import path from 'node:path';
import { withFolderLock } from '../folder-lock';

/**
 * Runs `run` while no other process of this checkout holds the lock. Astro writes
 * `<root>/.astro/` (the content module map, generated types) in every build, sync and check,
 * whatever content tree it reads: two at once overwrite each other's map, and a build then fails
 * with `UnknownContentCollectionError`.
 */
export function withAstroLock<T>(root: string, run: () => Promise<T>): Promise<T> {
	return withFolderLock(path.join(root, '.astro', 'edelweiss.lock'), run);
}
