import { describe, expect, it } from 'vitest';
import { fileDigest, isSearchFile, offlineCacheNames, offlineList, precachePatternsFor } from '../../src/lib/offline';

const digest = (text: string) => fileDigest(new TextEncoder().encode(text));

describe('offlineList', () => {
	const site = new Map([
		['index.html', digest('<h1>Home</h1>')],
		['talks/x/index.html', digest('<h1>X</h1>')],
		['404.html', digest('<h1>Not found</h1>')],
		['_astro/site.css', digest('body{}')],
		['pagefind/pagefind.js', digest('export {}')],
		['pagefind/fragment/en_1.pf_fragment', digest('1')],
	]);

	it('lists every page but the 404 page, and every search fragment', () => {
		const list = offlineList(site);
		expect(list.pages).toEqual(['/', '/talks/x/']);
		expect(list.search).toEqual(['/pagefind/fragment/en_1.pf_fragment']);
		expect(list.caches).toEqual(offlineCacheNames(list.version));
		expect(list.caches.pages).toMatch(/^edelweiss-pages-[0-9a-f]{12}$/);
	});

	it('changes version when any file changes, and only then', () => {
		const { version } = offlineList(site);
		expect(offlineList(new Map([...site].reverse())).version).toBe(version);
		expect(offlineList(new Map([...site, ['_astro/site.css', digest('body{color:red}')]])).version).not.toBe(version);
		expect(offlineList(new Map([...site, ['tags/index.html', digest('')]])).version).not.toBe(version);
	});

	it('leaves the fragments to the precache when the whole search is kept on the first visit', () => {
		const list = offlineList(site, '/', { searchPrecached: true });
		expect(list).toMatchObject({ searchPrecached: true, search: [], pages: ['/', '/talks/x/'] });
		expect(precachePatternsFor(list)).toContain('pagefind/fragment/*');
		expect(precachePatternsFor(offlineList(site))).not.toContain('pagefind/fragment/*');
	});

	it('counts what search needs towards that budget, not Pagefind’s other UIs', () => {
		expect(['pagefind/fragment/en_1.pf_fragment', 'pagefind/index/en_1.pf_index', 'pagefind/pagefind.js', 'pagefind/wasm.en.pagefind'].every(isSearchFile)).toBe(true);
		expect(['pagefind/pagefind-ui.js', 'pagefind/pagefind-modular-ui.css', 'pagefind/wasm.unknown.pagefind', 'talks/x/index.html'].some(isSearchFile)).toBe(false);
	});

	it('prefixes the base path', () => {
		expect(offlineList(site, '/hub/').pages).toEqual(['/hub/', '/hub/talks/x/']);
	});
});
