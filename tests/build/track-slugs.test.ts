import { beforeAll, describe, expect, it } from 'vitest';
import { filterValueSlug } from '#lib/search/search-query.ts';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

/**
 * One slug per track (`trackSlug`): FOSDEM 2024 spells its tracks "Containers devroom" and "Go
 * devroom", the earlier editions "Containers" and "Go"; the event's track page, the series'
 * track page and the search filter all call them `containers` and `go`.
 */
let dist: string;
beforeAll(async () => {
	({ dist } = await builtSite('series'));
});

describe('a track', () => {
	it('has one slug on its event, its series and in search', async () => {
		const event = await loadPage(dist, '/events/fosdem-2024/');
		const trackLinks = event('a[data-filter-kind="track"]:not([data-filter-value=""])')
			.map((_, link) => [[event(link).text().trim(), event(link).attr('href')]])
			.get();
		expect(trackLinks).toEqual([
			['Containers devroom', '/events/fosdem-2024/track/containers/'],
			['Go devroom', '/events/fosdem-2024/track/go/'],
		]);
		const series = await loadPage(dist, '/series/fosdem/');
		expect(
			series('#tracks-table a')
				.map((_, link) => series(link).attr('href'))
				.get(),
		).toEqual(['/series/fosdem/tracks/containers/', '/series/fosdem/tracks/go/']);

		const talkLink = (await loadPage(dist, '/events/fosdem-2024/track/containers/'))(
			'main a[href^="/talks/"]',
		)
			.first()
			.attr('href')!;
		const track = (await loadPage(dist, talkLink))('meta[name="pagefind-filter-track"]').attr(
			'content',
		)!;
		expect(track).toBe('Containers');
		expect(filterValueSlug('track', track)).toBe('containers');
	});

	it('keeps its former event page as a page that sends readers on', async () => {
		const $ = await loadPage(dist, '/events/fosdem-2024/track/containers-devroom/');
		expect($('html').attr('lang')).toBe('en');
		expect($('meta[http-equiv="refresh"]').attr('content')).toBe(
			'0;url=/events/fosdem-2024/track/containers/',
		);
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
		expect($('link[rel="canonical"]').attr('href')).toMatch(
			/^https?:\/\/[^/]+\/events\/fosdem-2024\/track\/containers\/$/,
		);
		expect($('main a').attr('href')).toBe('/events/fosdem-2024/track/containers/');
		expect($('h1').text()).toBe('This page has moved');
		// An unchanged slug has no second page.
		await expect(loadPage(dist, '/events/fosdem-2020/track/containers-devroom/')).rejects.toThrow(
			/ENOENT/,
		);
	});
});
