import { describe, expect, it } from 'vitest';
import {
	fileDigest,
	injectPrecacheManifest,
	isSearchFile,
	offlineCacheNames,
	offlineList,
	precacheManifest,
} from '#lib/site/offline.ts';

const digest = (text: string) => fileDigest(new TextEncoder().encode(text));

describe('offlineList', () => {
	const site = new Map([
		['index.html', digest('<h1>Home</h1>')],
		['talks/x/index.html', digest('<h1>X</h1>')],
		['404.html', digest('<h1>Not found</h1>')],
		['_astro/site.css', digest('body{}')],
		['pagefind/pagefind.js', digest('export {}')],
		['pagefind/fragment/en_1.pf_fragment', digest('1')],
		['pagefind/editions/conf-2024/fragment/en_2.pf_fragment', digest('2')],
	]);

	it('lists every page but the 404 page, and every search fragment, the editions’ too', () => {
		const list = offlineList(site);
		expect(list.pages).toEqual(['/', '/talks/x/']);
		expect(list.search).toEqual([
			'/pagefind/editions/conf-2024/fragment/en_2.pf_fragment',
			'/pagefind/fragment/en_1.pf_fragment',
		]);
		expect(list.caches).toEqual(offlineCacheNames(list.version));
		expect(list.caches.pages).toMatch(/^edelweiss-pages-[0-9a-f]{12}$/);
	});

	it('changes version when any file changes, and only then', () => {
		const { version } = offlineList(site);
		expect(offlineList(new Map([...site].reverse())).version).toBe(version);
		expect(
			offlineList(new Map([...site, ['_astro/site.css', digest('body{color:red}')]])).version,
		).not.toBe(version);
		expect(offlineList(new Map([...site, ['tags/index.html', digest('')]])).version).not.toBe(
			version,
		);
	});

	it('leaves the fragments to the precache when the whole search is kept on the first visit', () => {
		const list = offlineList(site, '/', { searchPrecached: true });
		expect(list).toMatchObject({ searchPrecached: true, search: [], pages: ['/', '/talks/x/'] });
		const precached = (searchPrecached: boolean) =>
			precacheManifest(site, { searchPrecached }).map((entry) => entry.url);
		expect(precached(true)).toContain('/pagefind/fragment/en_1.pf_fragment');
		expect(precached(true)).toContain('/pagefind/editions/conf-2024/fragment/en_2.pf_fragment');
		expect(precached(false)).not.toContain('/pagefind/fragment/en_1.pf_fragment');
		expect(precached(false)).not.toContain(
			'/pagefind/editions/conf-2024/fragment/en_2.pf_fragment',
		);
	});

	it('counts what search needs towards that budget, not Pagefind’s other UIs', () => {
		expect(
			[
				'pagefind/fragment/en_1.pf_fragment',
				'pagefind/index/en_1.pf_index',
				'pagefind/pagefind.js',
				'pagefind/wasm.en.pagefind',
			].every(isSearchFile),
		).toBe(true);
		expect(
			[
				'pagefind/pagefind-ui.js',
				'pagefind/pagefind-modular-ui.css',
				'pagefind/wasm.unknown.pagefind',
				'talks/x/index.html',
			].some(isSearchFile),
		).toBe(false);
	});

	it('prefixes the base path', () => {
		expect(offlineList(site, '/hub/').pages).toEqual(['/hub/', '/hub/talks/x/']);
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
			'pagefind/editions/conf-2024/pagefind-entry.json',
			'pagefind/editions/conf-2024/en_3c4d.pf_meta',
			'pagefind/editions/conf-2024/index/en_2.pf_index',
			'pagefind/editions/conf-2024/filter/en_2.pf_filter',
			'pagefind/editions/conf-2024/fragment/en_2.pf_fragment',
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
			'/pagefind/editions/conf-2024/en_3c4d.pf_meta',
			'/pagefind/editions/conf-2024/filter/en_2.pf_filter',
			'/pagefind/editions/conf-2024/index/en_2.pf_index',
			'/pagefind/editions/conf-2024/pagefind-entry.json',
			'/pagefind/en_1a2b.pf_meta',
			'/pagefind/index/en_1.pf_index',
			'/pagefind/pagefind-entry.json',
			'/pagefind/pagefind-worker.js',
			'/pagefind/pagefind.js',
			'/pagefind/wasm.en.pagefind',
		]);
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
