import { describe, expect, it } from 'vitest';
import { samplePageTypes } from '#tools/check/built-pages.ts';

describe('samplePageTypes', () => {
	it('keeps the top-level pages and the first page of each section', () => {
		expect(
			samplePageTypes([
				'404.html',
				'index.html',
				'talks/a/index.html',
				'talks/b/index.html',
				'talks/index.html',
				'tags/x/index.html',
			]),
		).toEqual([
			'404.html',
			'index.html',
			'talks/a/index.html',
			'talks/index.html',
			'tags/x/index.html',
		]);
	});

	it('samples each deeper route of a section once', () => {
		expect(
			samplePageTypes([
				'events/a/index.html',
				'events/a/grid/index.html',
				'events/b/grid/index.html',
				'events/a/track/x/index.html',
				'events/a/room/y/index.html',
			]),
		).toEqual(['events/a/index.html', 'events/a/grid/index.html', 'events/a/track/x/index.html']);
	});
});
