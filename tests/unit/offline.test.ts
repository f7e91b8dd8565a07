import { describe, expect, it } from 'vitest';
import { fileDigest, offlineCacheNames, offlineList } from '../../src/lib/offline';

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

	it('prefixes the base path', () => {
		expect(offlineList(site, '/hub/').pages).toEqual(['/hub/', '/hub/talks/x/']);
	});
});
