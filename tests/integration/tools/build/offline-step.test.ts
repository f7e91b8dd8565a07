import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSiteFiles } from '#tools/site-files.ts';
import { isOfflineStepFile, writeOfflineFiles } from '#tools/build/offline-step.ts';
import {
	fileDigest,
	searchPrecacheBudget,
	type OfflineManifest,
	type PrecacheEntry,
} from '#lib/site/offline.ts';
import type { OfflineEdition } from '#lib/site/offline-units.ts';
import { page, scratchSite, writeFiles } from '../../../helpers/scratch-site';

const fragment = 'pagefind/fragment/en_1.pf_fragment';

const editions: OfflineEdition[] = [
	{ id: 'conf-2025', title: 'Conf 2025', date: '2025-06-14', talks: ['x'] },
	{ id: 'conf-2024', title: 'Conf 2024', date: '2024-06-15', talks: ['y'] },
];

/**
 * A built site after Pagefind, with the search split as the index step writes it: the hub's
 * index in `pagefind/`, each edition's in `pagefind/editions/<id>/`, `searchBytes` in all (the
 * hub's fragment takes what the rest leaves), beside a Pagefind UI the header does not use, as
 * large as the budget: it must not count towards it.
 */
function builtSite(searchBytes: number): Record<string, string | Uint8Array> {
	const search: Record<string, string | Uint8Array> = {
		'pagefind/pagefind.js': 'export const search = () => [];',
		'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
		'pagefind/index/en_1.pf_index': 'index',
		'pagefind/editions.json': '["conf-2025","conf-2024"]',
		'pagefind/editions/conf-2025/pagefind-entry.json': '{"version":"1.6.0"}',
		'pagefind/editions/conf-2025/fragment/en_2.pf_fragment': 'xx',
		'pagefind/editions/conf-2024/fragment/en_3.pf_fragment': 'y',
	};
	const rest = Object.values(search).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
	return {
		'index.html': page('<h1>Home</h1>'),
		'events/conf-2025/index.html': page('<h1>Conf 2025</h1>'),
		'talks/x/index.html': page('<h1>X</h1>'),
		'events/conf-2024/index.html': page('<h1>Conf 2024</h1>'),
		'talks/y/index.html': page('<h1>Y</h1>'),
		'offline/index.html': page('<h1>Offline</h1>'),
		'offline/editions.json': JSON.stringify(editions),
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
	const lists = new Map(
		await Promise.all(
			written
				.filter((file) => file.startsWith('offline/units/'))
				.map(
					async (file) =>
						[file, JSON.parse(await readFile(path.join(site, file), 'utf8')) as string[]] as const,
				),
		),
	);
	return {
		site,
		summary,
		written,
		offlineJson,
		offline: JSON.parse(offlineJson.toString()) as OfflineManifest,
		lists,
		serviceWorker,
		manifest,
	};
}

describe('writeOfflineFiles', async () => {
	const [atBudget, overBudget] = await Promise.all([
		writeOffline(builtSite(searchPrecacheBudget), '/hub/'),
		writeOffline(builtSite(searchPrecacheBudget + 1), '/hub/'),
	]);

	it('writes offline.json, the service worker and one list per unit, and no other file', () => {
		expect(atBudget.written).toEqual([
			'offline.json',
			'offline/units/editions/conf-2024.json',
			'offline/units/editions/conf-2025.json',
			'offline/units/hub.json',
			'sw.js',
		]);
		expect(atBudget.written.every(isOfflineStepFile)).toBe(true);
		expect(isOfflineStepFile('offline/index.html')).toBe(false);
		expect(isOfflineStepFile('offline/editions.json')).toBe(false);
	});

	it('gives each edition its pages and its own search index, and the hub part the rest', () => {
		// Over the budget, each edition's fragments come with it; its index is precached.
		const { lists } = overBudget;
		expect(lists.get('offline/units/editions/conf-2025.json')).toEqual([
			'/hub/events/conf-2025/',
			'/hub/pagefind/editions/conf-2025/fragment/en_2.pf_fragment',
			'/hub/talks/x/',
		]);
		expect(lists.get('offline/units/editions/conf-2024.json')).toEqual([
			'/hub/events/conf-2024/',
			'/hub/pagefind/editions/conf-2024/fragment/en_3.pf_fragment',
			'/hub/talks/y/',
		]);
		// The shell and the whole search are precached on the first visit: not downloaded again.
		expect(atBudget.lists.get('offline/units/hub.json')).toEqual(['/hub/']);
		expect(atBudget.lists.get('offline/units/editions/conf-2025.json')).toEqual([
			'/hub/events/conf-2025/',
			'/hub/talks/x/',
		]);
	});

	it('says how big each unit is before anything is saved', async () => {
		const { offline, site } = atBudget;
		expect(
			offline.units.map(({ id, title, pages, files, list }) => [id, title, pages, files, list]),
		).toEqual([
			['hub', 'The hub part', 2, 1, '/hub/offline/units/hub.json'],
			['editions/conf-2025', 'Conf 2025', 2, 2, '/hub/offline/units/editions/conf-2025.json'],
			['editions/conf-2024', 'Conf 2024', 2, 2, '/hub/offline/units/editions/conf-2024.json'],
		]);
		const sizeOf = async (file: string) => (await readFile(path.join(site, file))).length;
		const sizesOf = async (files: string[]) =>
			(await Promise.all(files.map(sizeOf))).reduce((a, b) => a + b, 0);
		const conf2025 = offline.units[1]!;
		expect(conf2025.bytes).toBe(
			await sizesOf(['events/conf-2025/index.html', 'talks/x/index.html']),
		);
		expect(conf2025.precachedBytes).toBe(
			await sizesOf([
				'pagefind/editions/conf-2025/pagefind-entry.json',
				'pagefind/editions/conf-2025/fragment/en_2.pf_fragment',
			]),
		);
		expect(offline.units[0]!.precachedBytes).toBeGreaterThan(searchPrecacheBudget / 2);
		expect(offline.everything).toEqual({
			pages: 6,
			files: 5,
			bytes: offline.units.reduce((sum, unit) => sum + unit.bytes, 0),
		});
		expect(atBudget.summary).toMatch(
			/^service worker precaches \d+ files \(the whole search\); 6 pages can be saved for offline, \d+ bytes in all, as the hub part and 2 editions \(version [0-9a-f]{12}\)$/,
		);
	});

	it('puts this deploy’s precache manifest, caches and offline page into the bundled service worker', () => {
		const { serviceWorker, manifest, offline, offlineJson } = atBudget;
		expect(serviceWorker).not.toMatch(/EDELWEISS_(PRECACHE|CACHES|OFFLINE_PAGE)/);
		expect(serviceWorker).toContain(JSON.stringify(offline.caches.pages));
		expect(serviceWorker).toContain(JSON.stringify(offline.caches.saved));
		expect(serviceWorker).toContain('"/hub/offline/index.html"');
		const urls = manifest.map((entry) => entry.url);
		expect(urls).toEqual(
			expect.arrayContaining([
				'/hub/_astro/site.css',
				'/hub/favicon.svg',
				'/hub/offline/index.html',
				'/hub/pagefind/pagefind.js',
				'/hub/pagefind/editions.json',
			]),
		);
		expect(urls).not.toContain('/hub/talks/x/index.html');
		expect(urls).not.toContain('/hub/pagefind/pagefind-ui.js');
		expect(urls.filter((url) => url.includes('/pagefind/editions/'))).toEqual([
			'/hub/pagefind/editions/conf-2024/fragment/en_3.pf_fragment',
			'/hub/pagefind/editions/conf-2025/fragment/en_2.pf_fragment',
			'/hub/pagefind/editions/conf-2025/pagefind-entry.json',
		]);
		// offline.json is precached as written, so a new deploy's list replaces the old one.
		expect(manifest.find((entry) => entry.url === '/hub/offline.json')?.revision).toBe(
			fileDigest(offlineJson).slice(0, 32),
		);
	});

	it('precaches the whole search within the budget, the editions’ indexes counted and other UIs not', () => {
		expect(atBudget.offline.searchPrecached).toBe(true);
		expect(atBudget.manifest.map((entry) => entry.url)).toContain(`/hub/${fragment}`);
	});

	it('leaves every fragment to "Save for offline" once the search is over the budget', () => {
		expect(overBudget.offline.searchPrecached).toBe(false);
		expect(overBudget.lists.get('offline/units/hub.json')).toEqual(['/hub/', `/hub/${fragment}`]);
		expect(overBudget.manifest.map((entry) => entry.url)).not.toContain(`/hub/${fragment}`);
		expect(overBudget.manifest.length).toBe(atBudget.manifest.length - 3);
		expect(overBudget.summary).toContain('(the search without its result fragments)');
		expect(overBudget.offline.version).not.toBe(atBudget.offline.version);
	});

	it('rewrites only the lists that changed, and removes those of editions that are gone', async () => {
		const files = builtSite(1000);
		const site = await scratchSite(files);
		const digestsOf = (current: Record<string, string | Uint8Array>) =>
			new Map(
				Object.entries(current).map(([file, content]) => [
					file,
					fileDigest(typeof content === 'string' ? Buffer.from(content) : content),
				]),
			);
		await writeOfflineFiles(site, '/', digestsOf(files));
		const listed = async () =>
			new Map(
				await Promise.all(
					(await listSiteFiles(path.join(site, 'offline/units'))).map(
						async (file) =>
							[file, (await stat(path.join(site, 'offline/units', file))).mtimeMs] as const,
					),
				),
			);
		const before = await listed();

		// One talk edited (its page grows, its URL stays), the 2024 edition gone.
		const {
			['events/conf-2024/index.html']: _event,
			['talks/y/index.html']: _talk,
			...rest
		} = files;
		const { ['pagefind/editions/conf-2024/fragment/en_3.pf_fragment']: _index, ...next } = rest;
		next['talks/x/index.html'] = page('<h1>X</h1><p>Edited.</p>');
		next['offline/editions.json'] = JSON.stringify([editions[0]]);
		await writeFiles(site, next);
		for (const file of ['events/conf-2024', 'talks/y', 'pagefind/editions/conf-2024'])
			await rm(path.join(site, file), { recursive: true });
		await writeOfflineFiles(site, '/', digestsOf(next));
		const after = await listed();
		expect([...after.keys()]).toEqual(['editions/conf-2025.json', 'hub.json']);
		expect(after.get('editions/conf-2025.json')).toBe(before.get('editions/conf-2025.json'));
		expect(after.get('hub.json')).toBe(before.get('hub.json'));
		const offline = JSON.parse(
			await readFile(path.join(site, 'offline.json'), 'utf8'),
		) as OfflineManifest;
		expect(offline.units.map((unit) => unit.id)).toEqual(['hub', 'editions/conf-2025']);
	});

	it('refuses a site whose editions were not written, naming the file', async () => {
		const { ['offline/editions.json']: _, ...withoutEditions } = builtSite(1000);
		await expect(writeOffline(withoutEditions, '/')).rejects.toThrow(
			/offline\/editions\.json is missing: the build writes it \(src\/pages\/offline\/editions\.json\.ts\)/,
		);
	});
});
