import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { listSiteFiles } from '#tools/site-files.ts';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { formatBytes } from '#lib/content/text-file.ts';
import {
	fileDigest,
	injectPrecacheManifest,
	isSearchFile,
	offlineManifest,
	offlineVersion,
	precacheManifest,
	precachedFiles,
	searchPrecacheBudget,
} from '#lib/site/offline.ts';
import { offlineEditionsFile, offlineUnits, type OfflineEdition } from '#lib/site/offline-units.ts';

const serviceWorkerSource = fileURLToPath(
	new URL('../../src/client/service-worker/sw.ts', import.meta.url),
);

/** The files and folders (ending in `/`) this step writes, which are not part of what it lists. */
export const offlineFiles = ['offline.json', 'sw.js', 'offline/units/'];

/** Whether the offline step wrote a built file (`offlineFiles`). */
export const isOfflineStepFile = (file: string) =>
	offlineFiles.some((owned) => file === owned || (owned.endsWith('/') && file.startsWith(owned)));

/** The editions the build wrote (`src/pages/offline/editions.json.ts`), or a clear error. */
async function readEditions(site: string): Promise<OfflineEdition[]> {
	const file = path.join(site, offlineEditionsFile);
	const text = await readFile(file, 'utf8').catch(() => {
		throw new Error(
			`${file} is missing: the build writes it (src/pages/offline/editions.json.ts) before the offline step`,
		);
	});
	return JSON.parse(text) as OfflineEdition[];
}

/**
 * Writes each unit's list (`offline/units/…json`) whose text changed, each file replaced
 * whole (written beside it, then renamed), and removes the lists of units that are gone: an
 * edit to one talk rewrites no list, and a removed edition leaves none behind.
 */
async function writeUnitLists(site: string, lists: ReadonlyMap<string, readonly string[]>) {
	const folder = 'offline/units';
	const stale = new Set(
		(await listSiteFiles(path.join(site, folder))).map((file) => `${folder}/${file}`),
	);
	for (const [file, urls] of lists) {
		stale.delete(file);
		const target = path.join(site, file);
		const text = JSON.stringify(urls);
		if ((await readFile(target, 'utf8').catch(() => undefined)) === text) continue;
		await mkdir(path.dirname(target), { recursive: true });
		await writeFile(`${target}.next`, text);
		await rename(`${target}.next`, target);
	}
	for (const file of stale) await rm(path.join(site, file));
}

/**
 * Makes the built site readable offline. Sorts the built files into units (the hub part and
 * each edition: `offlineUnits`) and writes `offline.json` (each unit's size, what "Save for
 * offline" offers), `offline/units/**.json` (each unit's URLs) and `sw.js` (the service worker
 * with this deploy's precache manifest). Runs after Pagefind, so the search bundle is part of
 * the deploy's version, precache and units. `digests` are the content digests of every other
 * built file.
 */
export async function writeOfflineFiles(
	site: string,
	base: string,
	digests: ReadonlyMap<string, string>,
): Promise<string> {
	const sizes = new Map(
		await mapConcurrently(
			[...digests.keys()],
			fileConcurrency,
			async (file) => [file, (await stat(path.join(site, file))).size] as const,
		),
	);
	const units = offlineUnits(sizes, await readEditions(site));
	// Every index (the hub's and the editions') is precached, since the search page merges
	// several; their fragments too while the whole search is small (searching offline after one
	// visit), else they come with the unit the reader saves.
	const searchBytes = [...sizes]
		.filter(([file]) => isSearchFile(file))
		.reduce((sum, [, size]) => sum + size, 0);
	const searchPrecached = searchBytes <= searchPrecacheBudget;
	const precached = new Set(
		precachedFiles([...digests.keys(), 'offline.json'], { searchPrecached }),
	);
	const version = offlineVersion(digests);
	const { manifest, lists } = offlineManifest(units, sizes, {
		version,
		base,
		precached,
		searchPrecached,
	});

	await writeUnitLists(site, lists);
	const manifestJson = JSON.stringify(manifest);
	await writeFile(path.join(site, 'offline.json'), manifestJson);

	const bundled = await build({
		entryPoints: [serviceWorkerSource],
		bundle: true,
		format: 'iife',
		target: 'es2022',
		minify: true,
		write: false,
		define: {
			EDELWEISS_CACHES: JSON.stringify(manifest.caches),
			EDELWEISS_OFFLINE_PAGE: JSON.stringify(`${base.replace(/\/$/, '')}/offline/index.html`),
			'process.env.NODE_ENV': '"production"',
		},
		logLevel: 'warning',
	});
	const precache = precacheManifest(
		new Map([...digests, ['offline.json', fileDigest(Buffer.from(manifestJson))]]),
		{ base, searchPrecached },
	);
	await writeFile(
		path.join(site, 'sw.js'),
		injectPrecacheManifest(bundled.outputFiles[0]!.text, precache),
	);
	const search = searchPrecached ? 'the whole search' : 'the search without its result fragments';
	const editions = manifest.units.length - 1;
	return `service worker precaches ${precache.length} files (${search}); ${manifest.everything.pages} pages can be saved for offline, ${formatBytes(manifest.everything.bytes)} in all, as the hub part and ${editions} ${editions === 1 ? 'edition' : 'editions'} (version ${version})`;
}
