import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { fileDigest, injectPrecacheManifest, isSearchFile, offlineList, precacheManifest, searchPrecacheBudget } from '../lib/offline';
import { listSiteFiles } from '../lib/site-files';

const serviceWorkerSource = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));

/**
 * Makes the built site readable offline: writes `offline.json` (what "Save for offline"
 * downloads) and `sw.js` (the service worker with this deploy's precache manifest).
 * Runs after Pagefind, so the search bundle is part of the deploy's version and precache.
 */
export function offlineSupport(): AstroIntegration {
	let base = '/';
	return {
		name: 'edelweiss:offline',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				// offline.json and sw.js may be left over from an earlier build into the same directory; rewritten below.
				const paths = (await listSiteFiles(site)).filter((file) => file !== 'offline.json' && file !== 'sw.js');
				// One file at a time: a large build has tens of thousands, more than may be open at once.
				const digests = new Map<string, string>();
				let searchBytes = 0;
				for (const file of paths) {
					const content = await readFile(path.join(site, file));
					digests.set(file, fileDigest(content));
					if (isSearchFile(file)) searchBytes += content.byteLength;
				}
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
				const manifest = precacheManifest(new Map([...digests, ['offline.json', fileDigest(Buffer.from(listJson))]]), { base, searchPrecached });
				await writeFile(path.join(site, 'sw.js'), injectPrecacheManifest(bundled.outputFiles[0]!.text, manifest));
				const search = searchPrecached ? 'the whole search' : 'search without its result fragments';
				logger.info(`Service worker precaches ${manifest.length} files (${search}); ${list.pages.length} pages can be saved for offline (version ${list.version})`);
			},
		},
	};
}
