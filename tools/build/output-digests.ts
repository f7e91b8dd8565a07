import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { fileDigest } from '#lib/site/offline.ts';
import { listSiteFiles } from '#tools/site-files.ts';

interface Known {
	size: number;
	mtimeMs: number;
	digest: string;
}

/**
 * Content digests of built files (paths relative to the site, `/`-separated), remembered
 * between builds by size and modification time in `cacheFile`: a rebuild that rewrote a
 * hundred of 40,000 files reads a hundred. A file Astro copied from its cache keeps its time,
 * a rendered one gets a new one, so a changed file is never taken for an old one.
 */
export async function outputDigests(
	site: string,
	cacheFile: string,
	include: (file: string) => boolean = () => true,
): Promise<Map<string, string>> {
	const known = new Map<string, Known>(
		Object.entries(
			JSON.parse(await readFile(cacheFile, 'utf8').catch(() => '{}')) as Record<string, Known>,
		),
	);
	const files = (await listSiteFiles(site)).filter(include);
	const current = await mapConcurrently(
		files,
		fileConcurrency,
		async (file): Promise<[string, Known]> => {
			const info = await stat(path.join(site, file));
			const previous = known.get(file);
			if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs)
				return [file, previous];
			return [
				file,
				{
					size: info.size,
					mtimeMs: info.mtimeMs,
					digest: fileDigest(await readFile(path.join(site, file))),
				},
			];
		},
	);
	await mkdir(path.dirname(cacheFile), { recursive: true });
	await writeFile(`${cacheFile}.next`, JSON.stringify(Object.fromEntries(current)));
	await rename(`${cacheFile}.next`, cacheFile);
	return new Map(current.map(([file, { digest }]) => [file, digest]));
}
