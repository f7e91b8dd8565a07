import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { offlineList, precachePatterns } from '../offline';

const serviceWorkerSource = fileURLToPath(new URL('../../service-worker/sw.ts', import.meta.url));

/** The files this step writes, which are not part of what it lists. */
export const offlineFiles = ['offline.json', 'sw.js'];

/**
 * Makes the built site readable offline: writes `offline.json` (what "Save for offline"
 * downloads) and `sw.js` (the service worker with this deploy's precache manifest). Runs after
 * Pagefind, so the search bundle is part of the deploy's version and precache. `digests` are
 * the content digests of every other built file.
 */
export async function writeOfflineFiles(site: string, base: string, digests: ReadonlyMap<string, string>): Promise<{ summary: string; warnings: string[] }> {
	const list = offlineList(digests, base);
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
			globPatterns: precachePatterns,
			modifyURLPrefix: { '': base.replace(/\/?$/, '/') },
			maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
		});
		const summary = `service worker precaches ${count} files (${(size / 1024).toFixed(0)} KiB); ${list.pages.length} pages can be saved for offline (version ${list.version})`;
		return { summary, warnings };
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}
