import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { listSiteFiles } from '#tools/site-files.ts';

export interface PruneOptions {
	/** When this build started (ms since the epoch, by the file system's clock): files written since are this build's. */
	builtSince: number;
	/** Files this build kept without writing them (pages Astro copied from its cache), relative to the site. */
	kept: ReadonlySet<string>;
	/** Paths (relative, `/`-separated) that later steps replace wholesale, e.g. `pagefind/`. */
	ownedByLaterSteps: readonly string[];
}

/**
 * Removes what an earlier build left in `site` that this build neither wrote nor kept: the page
 * of a deleted talk, last build's hashed stylesheet. Astro no longer empties the output folder
 * (an incremental build keeps its unchanged pages there), so nothing else would. Returns the
 * removed files, relative to `site`.
 */
export async function pruneStale(
	site: string,
	{ builtSince, kept, ownedByLaterSteps }: PruneOptions,
): Promise<string[]> {
	const owned = (file: string) =>
		ownedByLaterSteps.some(
			(prefix) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix)),
		);
	const files = await listSiteFiles(site);
	const candidates = files.filter((file) => !kept.has(file) && !owned(file));
	const stale = (
		await mapConcurrently(candidates, fileConcurrency, async (file) =>
			(await stat(path.join(site, file))).mtimeMs < builtSince ? file : undefined,
		)
	).filter((file): file is string => file !== undefined);
	await mapConcurrently(stale, fileConcurrency, (file) =>
		rm(path.join(site, file), { force: true }),
	);
	await removeEmptyFolders(site, new Set(stale.map((file) => path.dirname(path.join(site, file)))));
	return stale;
}

/** Removes each folder that is now empty, and its parents up to `site` while they are empty too. */
async function removeEmptyFolders(site: string, folders: ReadonlySet<string>): Promise<void> {
	const deepestFirst = [...folders].sort((a, b) => b.length - a.length);
	for (let folder of deepestFirst) {
		while (
			folder.startsWith(site + path.sep) &&
			(await readdir(folder).catch(() => ['?'])).length === 0
		) {
			await rmdir(folder).catch(() => {});
			folder = path.dirname(folder);
		}
	}
}
