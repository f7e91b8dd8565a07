import { describe, expect, it } from 'vitest';
import {
	fileDigest,
	injectPrecacheManifest,
	isSearchFile,
	offlineCacheNames,
	offlineManifest,
	offlineVersion,
	precachedFiles,
	precacheManifest,
	unitListFile,
} from '#lib/site/offline.ts';
import type { OfflineUnit } from '#lib/site/offline-units.ts';

const digest = (text: string) => fileDigest(new TextEncoder().encode(text));

describe('offlineVersion', () => {
	const site = new Map([
		['index.html', digest('<h1>Home</h1>')],
		['_astro/site.css', digest('body{}')],
	]);

	it('changes when any file changes or appears, and only then', () => {
		const version = offlineVersion(site);
		expect(version).toMatch(/^[0-9a-f]{12}$/);
		expect(offlineVersion(new Map([...site].reverse()))).toBe(version);
		expect(
			offlineVersion(new Map([...site, ['_astro/site.css', digest('body{color:red}')]])),
		).not.toBe(version);
		expect(offlineVersion(new Map([...site, ['tags/index.html', digest('')]]))).not.toBe(version);
	});
});

describe('isSearchFile', () => {
	it('counts what search needs, the hub’s and each edition’s, not Pagefind’s other UIs', () => {
		expect(
			[
				'pagefind/fragment/en_1.pf_fragment',
				'pagefind/index/en_1.pf_index',
				'pagefind/pagefind.js',
				'pagefind/wasm.en.pagefind',
				'pagefind/editions/conf-2025/pagefind-entry.json',
				'pagefind/editions/conf-2025/fragment/en_2.pf_fragment',
			].every(isSearchFile),
		).toBe(true);
		expect(
			[
				'pagefind/pagefind-ui.js',
				'pagefind/pagefind-modular-ui.css',
				'pagefind/wasm.unknown.pagefind',
				'pagefind/editions/conf-2025/pagefind-ui.css',
				'talks/x/index.html',
			].some(isSearchFile),
		).toBe(false);
	});
});

describe('offlineManifest', () => {
	const sizes = new Map([
		['index.html', 100],
		['_astro/site.css', 20],
		['pagefind/pagefind.js', 30],
		['events/conf/index.html', 400],
		['talks/x/index.html', 500],
		['pagefind/editions/conf/fragment/en_1.pf_fragment', 60],
	]);
	const units: OfflineUnit[] = [
		{
			id: 'hub',
			kind: 'hub',
			title: 'The hub part',
			files: ['_astro/site.css', 'index.html', 'pagefind/pagefind.js'],
			pages: 1,
			bytes: 150,
		},
		{
			id: 'editions/conf',
			kind: 'edition',
			title: 'Conf',
			date: '2025-06-14',
			files: [
				'events/conf/index.html',
				'pagefind/editions/conf/fragment/en_1.pf_fragment',
				'talks/x/index.html',
			],
			pages: 2,
			bytes: 960,
		},
	];
	const precached = new Set(['_astro/site.css', 'pagefind/pagefind.js']);
	const { manifest, lists } = offlineManifest(units, sizes, {
		version: 'abc123',
		base: '/hub/',
		precached,
		searchPrecached: true,
	});

	it('sizes each unit by what a reader downloads, counting what the first visit precached apart', () => {
		expect(manifest.units).toEqual([
			{
				id: 'hub',
				kind: 'hub',
				title: 'The hub part',
				list: '/hub/offline/units/hub.json',
				cache: 'edelweiss-saved-abc123-hub',
				pages: 1,
				files: 1,
				bytes: 100,
				precachedBytes: 50,
			},
			{
				id: 'editions/conf',
				kind: 'edition',
				title: 'Conf',
				date: '2025-06-14',
				list: '/hub/offline/units/editions/conf.json',
				cache: 'edelweiss-saved-abc123-editions/conf',
				pages: 2,
				files: 3,
				bytes: 960,
				precachedBytes: 0,
			},
		]);
		expect(manifest.everything).toEqual({ pages: 3, files: 4, bytes: 1060 });
		expect(manifest).toMatchObject({ version: 'abc123', searchPrecached: true });
		expect(manifest.caches).toEqual(offlineCacheNames('abc123'));
	});

	it('lists each unit’s URLs under the base path, at the place its summary names', () => {
		expect(lists).toEqual(
			new Map([
				[unitListFile('hub'), ['/hub/']],
				[
					unitListFile('editions/conf'),
					[
						'/hub/events/conf/',
						'/hub/pagefind/editions/conf/fragment/en_1.pf_fragment',
						'/hub/talks/x/',
					],
				],
			]),
		);
		expect(unitListFile('editions/conf')).toBe('offline/units/editions/conf.json');
	});

	it('names every saved unit’s cache under the deploy’s saved prefix', () => {
		for (const unit of manifest.units)
			expect(unit.cache.startsWith(manifest.caches.saved)).toBe(true);
		expect(manifest.caches.saved).toBe('edelweiss-saved-abc123-');
	});
});

describe('precacheManifest', () => {
	const site = new Map(
		[
			'index.html',
			'offline/index.html',
			'offline.json',
			'talks/x/index.html',
			'_astro/site.css',
			'_astro/deep/chunk.js',
			'_astro/photo.png',
			'favicon.svg',
			'pagefind/pagefind.js',
			'pagefind/pagefind-worker.js',
			'pagefind/pagefind-ui.js',
			'pagefind/pagefind-entry.json',
			'pagefind/wasm.en.pagefind',
			'pagefind/en_1a2b.pf_meta',
			'pagefind/index/en_1.pf_index',
			'pagefind/fragment/en_1.pf_fragment',
			'pagefind/editions.json',
			'pagefind/editions/conf/pagefind-entry.json',
			'pagefind/editions/conf/en_9.pf_meta',
			'pagefind/editions/conf/index/en_2.pf_index',
			'pagefind/editions/conf/fragment/en_3.pf_fragment',
		].map((file) => [file, digest(file)]),
	);

	it('precaches the shell and the search core with every edition’s index, not pages, fragments or other UIs', () => {
		expect(precacheManifest(site).map((entry) => entry.url)).toEqual([
			'/_astro/deep/chunk.js',
			'/_astro/site.css',
			'/favicon.svg',
			'/offline.json',
			'/offline/index.html',
			'/pagefind/editions.json',
			'/pagefind/editions/conf/en_9.pf_meta',
			'/pagefind/editions/conf/index/en_2.pf_index',
			'/pagefind/editions/conf/pagefind-entry.json',
			'/pagefind/en_1a2b.pf_meta',
			'/pagefind/index/en_1.pf_index',
			'/pagefind/pagefind-entry.json',
			'/pagefind/pagefind-worker.js',
			'/pagefind/pagefind.js',
			'/pagefind/wasm.en.pagefind',
		]);
	});

	it('precaches the fragments too, the hub’s and the editions’, when the whole search is within the budget', () => {
		const files = [...site.keys()];
		expect(precachedFiles(files, { searchPrecached: true })).toEqual(
			[
				...precachedFiles(files),
				'pagefind/editions/conf/fragment/en_3.pf_fragment',
				'pagefind/fragment/en_1.pf_fragment',
			].sort(),
		);
	});

	it('revises each file by its content, under the base path', () => {
		const [entry] = precacheManifest(site, { base: '/hub/' });
		expect(entry).toEqual({
			url: '/hub/_astro/deep/chunk.js',
			revision: digest('_astro/deep/chunk.js').slice(0, 32),
		});
		const changed = precacheManifest(
			new Map([...site, ['_astro/site.css', digest('body{color:red}')]]),
		);
		expect(changed.find((item) => item.url === '/_astro/site.css')!.revision).not.toBe(
			precacheManifest(site).find((item) => item.url === '/_astro/site.css')!.revision,
		);
	});

	it('injects the manifest where the bundled worker names it, exactly once', () => {
		const manifest = [{ url: '/a.js', revision: 'r' }];
		expect(injectPrecacheManifest('precacheAndRoute(EDELWEISS_PRECACHE,{})', manifest)).toBe(
			'precacheAndRoute([{"url":"/a.js","revision":"r"}],{})',
		);
		expect(() => injectPrecacheManifest('precacheAndRoute([])', manifest)).toThrow('exactly once');
	});
});
