import { describe, expect, it } from 'vitest';
import { listHtmlFiles, samplePageTypes } from '../../../src/lib/check/built-pages';
import { page, scratchSite } from '../../helpers/scratch-site';

describe('listHtmlFiles', async () => {
	const dist = await scratchSite({ 'talks/b/index.html': page('b'), 'index.html': page('home'), 'talks/a/index.html': page('a'), 'pagefind/x.js': '' });

	it("lists a built site's pages, sorted, with forward slashes", async () => {
		expect(await listHtmlFiles(dist)).toEqual(['index.html', 'talks/a/index.html', 'talks/b/index.html']);
	});
});

describe('samplePageTypes', () => {
	it('keeps the top-level pages and the first page of each section', () => {
		expect(samplePageTypes(['404.html', 'index.html', 'talks/a/index.html', 'talks/b/index.html', 'talks/index.html', 'tags/x/index.html'])).toEqual([
			'404.html',
			'index.html',
			'talks/a/index.html',
			'talks/index.html',
			'tags/x/index.html',
		]);
	});

	it('samples each deeper route of a section once', () => {
		expect(
			samplePageTypes(['events/a/index.html', 'events/a/grid/index.html', 'events/b/grid/index.html', 'events/a/track/x/index.html', 'events/a/room/y/index.html']),
		).toEqual(['events/a/index.html', 'events/a/grid/index.html', 'events/a/track/x/index.html']);
	});
});
