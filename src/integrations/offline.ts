import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { fileDigest, isSearchFile, offlineList, precachePatternsFor, searchPrecacheBudget } from '../lib/offline';

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
				const paths = (await readdir(site, { recursive: true, withFileTypes: true }))
					.filter((entry) => entry.isFile())
					.map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
					// Left over from an earlier build into the same directory; rewritten below.
					.filter((file) => file !== 'offline.json' && file !== 'sw.js');
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
				await writeFile(path.join(site, 'offline.json'), JSON.stringify(list));

				const scratch = await mkdtemp(path.join(tmpdir(), 'edelweiss-sw-'));
				try {
					const bundled = path.join(scratch, 'sw.js');
					await build({
						entryPoints: [serviceWorkerSource],
						outfile: bundled,
						bundle: true,
						format: 'iife',
						target: 'es2022',
						minify: true,
						define: {
							EDELWEISS_CACHES: JSON.stringify(list.caches),
							EDELWEISS_OFFLINE_PAGE: JSON.stringify(`${base.replace(/\/$/, '')}/offline/index.html`),
							'process.env.NODE_ENV': '"production"',
						},
						logLevel: 'warning',
					});
					const { count, size, warnings } = await injectManifest({
						swSrc: bundled,
						swDest: path.join(site, 'sw.js'),
						injectionPoint: 'EDELWEISS_PRECACHE',
						globDirectory: site,
						globPatterns: precachePatternsFor(list),
						modifyURLPrefix: { '': base.replace(/\/?$/, '/') },
						maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
					});
					for (const warning of warnings) logger.warn(warning);
					const search = searchPrecached ? 'the whole search' : 'search without its result fragments';
					logger.info(`Service worker precaches ${count} files (${(size / 1024).toFixed(0)} KiB, ${search}); ${list.pages.length} pages can be saved for offline (version ${list.version})`);
				} finally {
					await rm(scratch, { recursive: true, force: true });
				}
			},
		},
	};
}
