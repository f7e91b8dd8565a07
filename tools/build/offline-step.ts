import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
	fileDigest,
	injectPrecacheManifest,
	isSearchFile,
	offlineList,
	precacheManifest,
	searchPrecacheBudget,
} from '#lib/site/offline.ts';

const serviceWorkerSource = fileURLToPath(
	new URL('../../src/client/service-worker/sw.ts', import.meta.url),
);

/** The files this step writes, which are not part of what it lists. */
export const offlineFiles = ['offline.json', 'sw.js'];

/**
 * Makes the built site readable offline: writes `offline.json` (what "Save for offline"
 * downloads) and `sw.js` (the service worker with this deploy's precache manifest). Runs after
 * Pagefind, so the search bundle is part of the deploy's version and precache. `digests` are
 * the content digests of every other built file.
 */
export async function writeOfflineFiles(
	site: string,
	base: string,
	digests: ReadonlyMap<string, string>,
): Promise<string> {
	// The whole search is precached (searching offline after one visit) while it is small.
	let searchBytes = 0;
	for (const file of digests.keys())
		if (isSearchFile(file)) searchBytes += (await stat(path.join(site, file))).size;
	const searchPrecached = searchBytes <= searchPrecacheBudget;
	const list = offlineList(digests, base, { searchPrecached });
	const listJson = JSON.stringify(list);
	await writeFile(path.join(site, 'offline.json'), listJson);

	const bundled = await build({
		entryPoints: [serviceWorkerSource],
		bundle: true,
		format: 'iife',
		target: 'es2022',
		minify: true,
		write: false,
		define: {
			EDELWEISS_CACHES: JSON.stringify(list.caches),
			EDELWEISS_OFFLINE_PAGE: JSON.stringify(`${base.replace(/\/$/, '')}/offline/index.html`),
			'process.env.NODE_ENV': '"production"',
		},
		logLevel: 'warning',
	});
	const manifest = precacheManifest(
		new Map([...digests, ['offline.json', fileDigest(Buffer.from(listJson))]]),
		{ base, searchPrecached },
	);
	await writeFile(
		path.join(site, 'sw.js'),
		injectPrecacheManifest(bundled.outputFiles[0]!.text, manifest),
	);
	const search = searchPrecached ? 'the whole search' : 'search without its result fragments';
	return `service worker precaches ${manifest.length} files (${search}); ${list.pages.length} pages can be saved for offline (version ${list.version})`;
}
