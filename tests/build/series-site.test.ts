import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBuiltIndex } from '#tools/search/pagefind-node.ts';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

/**
 * The `series` site: the Containers and Go devrooms of FOSDEM 2019, 2020 and 2024, imported
 * through the importer as the series `fosdem` over a hand-written recap and person
 * (`tests/helpers/series-site.ts`).
 */
let dist: string;
beforeAll(async () => {
	({ dist } = await builtSite('series'));
});

const texts = ($: Awaited<ReturnType<typeof loadPage>>, selector: string) =>
	$(selector)
		.map((_, element) => $(element).text().replace(/\s+/g, ' ').trim())
		.get();

describe('the series page', () => {
	it('lists every edition with its dates, talk, speaker and room counts, linking to its programme', async () => {
		const $ = await loadPage(dist, '/series/fosdem/');
		expect($('h1').text()).toBe('FOSDEM');
		const rows = $('#editions-table tbody tr')
			.map((_, row) => [
				[
					$(row).find('a').attr('href'),
					$(row).find('th a').text().trim(),
					$(row).find('th .when').text().replace(/\s+/g, ' ').trim(),
					...$(row)
						.find('td')
						.map((__, cell) => $(cell).text().replace(/\s+/g, ' ').trim())
						.get(),
				],
			])
			.get();
		expect(rows).toEqual([
			['/events/fosdem-2019/', 'FOSDEM 2019', '2 – 3 February 2019', '33', '32', '2'],
			['/events/fosdem-2020/', 'FOSDEM 2020', '1 – 2 February 2020', '33', '35', '2'],
			['/events/fosdem-2024/', 'FOSDEM 2024', '3 – 4 February 2024', '32', '34', '2'],
		]);
		expect(texts($, '#editions-table caption')[0]).toContain(
			'Every edition of FOSDEM with its dates, oldest first',
		);
	});

	it('draws talks per edition, per track and per room as SVG images described by their numbers, with no script', async () => {
		const $ = await loadPage(dist, '/series/fosdem/');
		const charts = $('figure.bar-chart svg[role="img"]');
		expect(charts).toHaveLength(3);
		const described = charts
			.map((_, svg) => [[$(svg).attr('aria-labelledby'), $(svg).find('desc').text()]])
			.get();
		expect(described).toEqual([
			[
				'talks-per-edition-title talks-per-edition-desc',
				'Talks per edition: FOSDEM 2019, 33 talks; FOSDEM 2020, 33 talks; FOSDEM 2024, 32 talks.',
			],
			[
				'talks-per-track-title talks-per-track-desc',
				'Talks per track: Containers, 50 talks; Go, 48 talks.',
			],
			[
				'talks-per-room-title talks-per-room-desc',
				'Talks per room: UB2.252A (Lameere), 31 talks; UD2.208 (Decroly), 18 talks; UD2.120 (Chavanne), 17 talks; UA2.114 (Baudoux), 16 talks; UD2.218A, 16 talks.',
			],
		]);
		// One bar per value, as wide as its share of the largest.
		expect(
			charts
				.first()
				.find('rect')
				.map((_, rect) => $(rect).attr('width'))
				.get(),
		).toEqual(['88%', '88%', '85.3%']);
		expect(
			$('#tracks-table tbody tr')
				.map((_, row) => [
					$(row)
						.find('th, td')
						.map((__, cell) => $(cell).text().trim())
						.get(),
				])
				.get(),
		).toEqual([
			['Containers', '2019–2024', '3', '50'],
			['Go', '2019–2024', '3', '48'],
		]);
		expect(
			$('script:not([type="application/ld+json"])').filter((_, script) =>
				($(script).attr('src') ?? '').includes('chart'),
			).length,
		).toBe(0);
		expect($('figure.bar-chart script').length).toBe(0);
	});

	it('is listed on /series/ and on the events page', async () => {
		const index = await loadPage(dist, '/series/');
		expect(index('a[href="/series/fosdem/"]').text()).toBe('FOSDEM');
		const events = await loadPage(dist, '/events/');
		expect(events('main a[href="/series/fosdem/"]').length).toBe(1);
	});
});

describe('a track across the years', () => {
	it('lists its talks by edition, newest first, under one name for every spelling', async () => {
		const $ = await loadPage(dist, '/series/fosdem/tracks/containers/');
		expect($('h1').text()).toBe('Containers');
		expect(texts($, 'main h2')).toEqual([
			'FOSDEM 2024 (16 talks)',
			'FOSDEM 2020 (18 talks)',
			'FOSDEM 2019 (16 talks)',
		]);
		expect(texts($, 'main')[0]).toContain('Also spelt: Containers devroom.');
		expect($('a[href="/talks/fosdem-2020/containers-k8s-runtimes/"]').length).toBe(1);
		expect($('nav[aria-label="Breadcrumb"] a').first().attr('href')).toBe('/series/fosdem/');
		const tracks = await readdir(path.join(dist, 'series/fosdem/tracks'));
		expect(tracks.sort()).toEqual(['containers', 'go']);
	});
});

describe('edition pages', () => {
	it('link to the previous and the next edition, and to their series', async () => {
		const links = async (id: string) => {
			const $ = await loadPage(dist, `/events/${id}/`);
			const nav = $('nav.edition-nav');
			return {
				series: nav.find('a[href="/series/fosdem/"]').length,
				prev: nav.find('a[rel="prev"]').attr('href'),
				next: nav.find('a[rel="next"]').attr('href'),
			};
		};
		expect(await links('fosdem-2019')).toEqual({
			series: 1,
			prev: undefined,
			next: '/events/fosdem-2020/',
		});
		expect(await links('fosdem-2020')).toEqual({
			series: 1,
			prev: '/events/fosdem-2019/',
			next: '/events/fosdem-2024/',
		});
		expect(await links('fosdem-2024')).toEqual({
			series: 1,
			prev: '/events/fosdem-2020/',
			next: undefined,
		});
	});
});

describe('person pages', () => {
	it('give a returning speaker one page: a summary, then talks by edition, newest first', async () => {
		const $ = await loadPage(dist, '/people/phil-estes/');
		expect($('.record').text()).toBe('3 talks at FOSDEM, 2019–2024; tracks: Containers');
		expect(
			texts($, '#talks ~ section h3, #talks + p + section h3, section[aria-labelledby="talks"] h3'),
		).toEqual(['FOSDEM 2024', 'FOSDEM 2020', 'FOSDEM 2019']);
	});

	it('keep a hand-written person’s words and add their imported talks', async () => {
		const $ = await loadPage(dist, '/people/thierry-carrez/');
		expect($('main').text()).toContain('Written by hand before any schedule was imported');
		expect($('a[href="/talks/fosdem-2020/containers-k8s-runtimes/"]').length).toBe(1);
	});
});

describe('hand-written and imported together', () => {
	it('shows a recap’s <TalkCard> of an imported talk', async () => {
		const $ = await loadPage(dist, '/recaps/fosdem-2020-containers-recap/');
		expect($('main a[href="/talks/fosdem-2020/containers-k8s-runtimes/"]').length).toBeGreaterThan(
			0,
		);
	});
});

describe('recordings from the schedules', () => {
	it('play in one player with every file as a source, with one download per format', async () => {
		// The schedule lists this recording twice, under two room folders.
		const $ = await loadPage(dist, '/talks/fosdem-2020/containers-k8s-runtimes/');
		const videos = $('video');
		expect(videos).toHaveLength(1);
		expect(
			videos
				.find('source')
				.map((_, source) => [[$(source).attr('type'), $(source).attr('src')]])
				.get(),
		).toEqual([
			['video/webm', 'https://video.fosdem.org/2020/UA2.208/containers_k8s_runtimes.webm'],
			['video/mp4', 'https://video.fosdem.org/2020/UA2.208/containers_k8s_runtimes.mp4'],
			['video/webm', 'https://video.fosdem.org/2020/UD2.208/containers_k8s_runtimes.webm'],
			['video/mp4', 'https://video.fosdem.org/2020/UD2.208/containers_k8s_runtimes.mp4'],
		]);
		expect(
			$('.recording a[download]')
				.map((_, link) => [[$(link).text().trim(), $(link).attr('href')]])
				.get(),
		).toEqual([
			['Download WebM', 'https://video.fosdem.org/2020/UA2.208/containers_k8s_runtimes.webm'],
			['Download MP4', 'https://video.fosdem.org/2020/UA2.208/containers_k8s_runtimes.mp4'],
		]);
	});

	it('leave talks without a video link with no recording section', async () => {
		// FOSDEM 2024's schedule links no recordings.
		const $ = await loadPage(dist, '/talks/fosdem-2024/3398-modern-build-systems-for-containers/');
		expect($('.recording, video').length).toBe(0);
	});
});

describe('search across the archive', () => {
	it('filters by series, edition year, track (one name for every spelling) and speaker', async () => {
		const index = await openBuiltIndex(dist);
		const filters = await index.filters();
		// The site holds two series of other tools' shapes too (other-series-site.test.ts).
		expect(Object.keys(filters.series ?? {}).sort()).toEqual([
			'Example Camp',
			'Example Congress',
			'FOSDEM',
		]);
		expect(Object.keys(filters.year ?? {})).toEqual(
			expect.arrayContaining(['2019', '2020', '2024']),
		);
		expect(Object.keys(filters.track ?? {}).sort()).toEqual(
			expect.arrayContaining(['Containers', 'Go']),
		);
		const { hits } = await index.search('', {
			filters: { series: ['FOSDEM'], track: ['Containers'], speaker: ['Phil Estes'] },
			limit: 20,
		});
		expect(hits.map((hit) => hit.url).sort()).toEqual([
			'/talks/fosdem-2019/containers-containerd-update/',
			'/talks/fosdem-2020/containers-containerd/',
			'/talks/fosdem-2024/3060-what-s-new-in-containerd-2-0/',
		]);
	});
});
