import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSiteFiles } from '#tools/site-files.ts';
import { offlineFiles, writeOfflineFiles } from '#tools/build/offline-step.ts';
import {
	fileDigest,
	searchPrecacheBudget,
	type OfflineList,
	type PrecacheEntry,
} from '#lib/site/offline.ts';
import { page, scratchSite } from '../../../helpers/scratch-site';

const fragment = 'pagefind/fragment/en_1.pf_fragment';

/**
 * A built site after Pagefind: pages, the shell, and a search bundle of `searchBytes` in all,
 * beside a Pagefind UI the header does not use, as large as the whole budget.
 */
function builtSite(searchBytes: number): Record<string, string | Uint8Array> {
	const search: Record<string, string | Uint8Array> = {
		'pagefind/pagefind.js': 'export const search = () => [];',
		'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
		'pagefind/index/en_1.pf_index': 'index',
	};
	const rest = Object.values(search).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
	return {
		'index.html': page('<h1>Home</h1>'),
		'talks/x/index.html': page('<h1>X</h1>'),
		'offline/index.html': page('<h1>Offline</h1>'),
		'404.html': page('<h1>Not found</h1>'),
		'_astro/site.css': 'body{}',
		'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
		...search,
		[fragment]: new Uint8Array(searchBytes - rest),
		'pagefind/pagefind-ui.js': new Uint8Array(searchPrecacheBudget),
	};
}

/** Runs the step over a site, with every built file's digest as the build gives them, and reads what it wrote. */
async function writeOffline(files: Record<string, string | Uint8Array>, base: string) {
	const site = await scratchSite(files);
	const digests = new Map(
		Object.entries(files).map(([file, content]) => [
			file,
			fileDigest(typeof content === 'string' ? Buffer.from(content) : content),
		]),
	);
	const summary = await writeOfflineFiles(site, base, digests);
	const offlineJson = await readFile(path.join(site, 'offline.json'));
	const serviceWorker = await readFile(path.join(site, 'sw.js'), 'utf8');
	const manifest = JSON.parse(
		/\[\{"url":.*?\}\]/.exec(serviceWorker)?.[0] ?? '[]',
	) as PrecacheEntry[];
	const written = (await listSiteFiles(site)).filter((file) => !(file in files));
	return {
		summary,
		written,
		offlineJson,
		list: JSON.parse(offlineJson.toString()) as OfflineList,
		serviceWorker,
		manifest,
	};
}

describe('writeOfflineFiles', async () => {
	const [atBudget, overBudget] = await Promise.all([
		writeOffline(builtSite(searchPrecacheBudget), '/hub/'),
		writeOffline(builtSite(searchPrecacheBudget + 1), '/hub/'),
	]);

	it('writes the files it names, and no others', () => {
		expect(atBudget.written).toEqual(offlineFiles);
	});

	it('lists every page but the 404 page in offline.json, under the base path', () => {
		expect(atBudget.list.pages).toEqual(['/hub/', '/hub/offline/', '/hub/talks/x/']);
	});

	it('puts this deploy’s precache manifest, caches and offline page into the bundled service worker', () => {
		const { serviceWorker, manifest, list, offlineJson } = atBudget;
		expect(serviceWorker).not.toMatch(/EDELWEISS_(PRECACHE|CACHES|OFFLINE_PAGE)/);
		expect(serviceWorker).toContain(JSON.stringify(list.caches.pages));
		expect(serviceWorker).toContain(JSON.stringify(list.caches.search));
		expect(serviceWorker).toContain('"/hub/offline/index.html"');
		const urls = manifest.map((entry) => entry.url);
		expect(urls).toEqual(
			expect.arrayContaining([
				'/hub/_astro/site.css',
				'/hub/favicon.svg',
				'/hub/offline/index.html',
				'/hub/pagefind/pagefind.js',
			]),
		);
		expect(urls).not.toContain('/hub/talks/x/index.html');
		expect(urls).not.toContain('/hub/pagefind/pagefind-ui.js');
		// offline.json is precached as written, so a new deploy's list replaces the old one.
		expect(manifest.find((entry) => entry.url === '/hub/offline.json')?.revision).toBe(
			fileDigest(offlineJson).slice(0, 32),
		);
	});

	it('precaches the whole search while it is within the budget, other Pagefind UIs not counted', () => {
		expect(atBudget.list).toMatchObject({ searchPrecached: true, search: [] });
		expect(atBudget.manifest.map((entry) => entry.url)).toContain(`/hub/${fragment}`);
		expect(atBudget.summary).toMatch(
			/^service worker precaches \d+ files \(the whole search\); 3 pages can be saved for offline \(version [0-9a-f]{12}\)$/,
		);
	});

	it('leaves the result fragments to "Save for offline" once the search is over the budget', () => {
		expect(overBudget.list).toMatchObject({ searchPrecached: false, search: [`/hub/${fragment}`] });
		expect(overBudget.manifest.map((entry) => entry.url)).not.toContain(`/hub/${fragment}`);
		expect(overBudget.manifest.length).toBe(atBudget.manifest.length - 1);
		expect(overBudget.summary).toContain('(search without its result fragments)');
		expect(overBudget.list.version).not.toBe(atBudget.list.version);
	});
});
