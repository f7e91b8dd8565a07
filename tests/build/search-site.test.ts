import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../helpers/html';
import { sections } from '#lib/view/urls.ts';
import { listHtmlFiles } from '#tools/site-files.ts';
import { builtSite } from '../helpers/sites';

const { dist } = await builtSite('search');

/** The filters, metadata and sort keys a built page hands Pagefind. */
async function searchAttributes(urlPath: string) {
	const $ = await loadPage(dist, urlPath);
	const read = (attribute: string) =>
		$(`head meta[${attribute}]`)
			.toArray()
			.map((meta) => [$(meta).attr(attribute)!.replace('[content]', ''), $(meta).attr('content')!]);
	return {
		filters: read('data-pagefind-filter'),
		meta: Object.fromEntries(read('data-pagefind-meta')),
		sort: read('data-pagefind-sort'),
	};
}

describe('what the search fixture hands Pagefind', () => {
	it('records a talk’s filters, metadata and sort key', async () => {
		expect(await searchAttributes('/talks/podman/')).toEqual({
			filters: [
				['type', 'Talk'],
				['series', 'FOSDEM'],
				['event', 'FOSDEM 2020'],
				['year', '2020'],
				['tag', 'containers'],
				['tag', 'podman'],
				['speaker', 'Sascha Grunert'],
				['track', 'Containers'],
				// Not a facet: which edition's index it is in, for ordering by date across indexes.
				['edition', 'fosdem-2020'],
			],
			meta: {
				title: 'Podman - The Powerful Container Multi-Tool',
				type: 'Talk',
				event: 'FOSDEM 2020',
				// As the pages write it; the sort key stays sortable.
				date: '1 February 2020',
				speakers: 'Sascha Grunert',
				isodate: '2020-02-01',
			},
			sort: [['date', '2020-02-01']],
		});
		// Its edition's index, for the build and the header's search (docs/search.md).
		const $ = await loadPage(dist, '/talks/podman/');
		expect($('head meta[name="edelweiss-search-index"]').attr('content')).toBe('fosdem-2020');
		expect(
			(await loadPage(dist, '/people/sascha-grunert/'))('meta[name="edelweiss-search-index"]')
				.length,
		).toBe(0);
	});

	it('indexes only entry pages, without navigation, facts, related lists or heading anchors', async () => {
		const files = await listHtmlFiles(dist);
		for (const file of files) {
			const $ = load(await readFile(path.join(dist, file), 'utf8'));
			// Entries only: tags and series (not a collection) list entries the index holds already.
			const isEntry =
				/^[a-z-]+\/[^/]+\/index\.html$/.test(file) &&
				!file.startsWith('tags/') &&
				!file.startsWith('series/');
			expect($('[data-pagefind-body]').length, file).toBe(isEntry ? 1 : 0);
			const body = $('[data-pagefind-body]');
			// The article's own footer ("Edit this page") may stay, but not in the index.
			const chrome = body
				.find('nav, header.site-header, footer')
				.filter((_, element) => $(element).closest('[data-pagefind-ignore]').length === 0);
			expect(chrome.length, file).toBe(0);
			for (const ignored of [
				'.facts',
				'.programme',
				'.talk-summary',
				'.entry-card',
				'.heading-anchor',
			]) {
				body.find(ignored).each((_, element) => {
					expect($(element).closest('[data-pagefind-ignore]').length, `${file} ${ignored}`).toBe(1);
				});
			}
		}
		// The event's programme lists its talks, which have pages of their own.
		const event = await loadPage(dist, '/events/fosdem-2020/');
		expect(event('[data-pagefind-body] .programme [data-slot]').length).toBe(3);
	});

	it('offers search from every page as a plain link, with no search code until asked', async () => {
		for (const urlPath of ['/', '/talks/', '/talks/podman/', '/search/']) {
			const $ = await loadPage(dist, urlPath);
			expect($('header a[data-search-trigger]').attr('href'), urlPath).toBe('/search/');
			expect($('script[src*="pagefind"], link[href*="pagefind"]').length, urlPath).toBe(0);
		}
	});

	it('tells readers without JavaScript that search needs it, and links the lists', async () => {
		const $ = await loadPage(dist, '/search/');
		expect(load($('noscript').html() ?? '').text()).toContain('Search needs JavaScript');
		// Every section the header lists (the collection registry's), sponsors included.
		expect(
			$('[data-search-fallback] a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual(sections.map((section) => section.path));
		expect($('[data-search-fallback] a').first().text()).toBe('Events');
		// Which of the two shows is CSS's `scripting` media feature (tests/browser/search.test.ts);
		// the search UI is drawn whole, its box included, for the first paint.
		expect($('[data-search-page]').attr('hidden')).toBeUndefined();
		expect($('[data-search-page] pagefind-input input#search-box').length).toBe(1);
		expect($('label[for="search-box"]').text()).toBe('Search this site');
	});
});
