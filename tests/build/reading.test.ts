import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

/** The times of a day's schedule, in page order. */
const slotTimes = ($: CheerioAPI, day: string) =>
	$(`#day-${day}`)
		.closest('section')
		.find('[data-slot] time[data-zoned]')
		.map((_, time) => $(time).attr('datetime'))
		.get();
const slotTitles = ($: CheerioAPI, day: string) =>
	$(`#day-${day}`)
		.closest('section')
		.find('[data-slot] a.talk-link')
		.map((_, link) => $(link).text().trim())
		.get();
const isSorted = (values: string[]) =>
	values.every((value, index) => index === 0 || values[index - 1]! <= value);

describe('the programme fixture', () => {
	let dist: string;
	beforeAll(async () => {
		({ dist } = await builtSite('programme'));
	});

	it('lists each day in time order, not by room (item 2)', async () => {
		const $ = await loadPage(dist, '/events/gridconf-2025/');
		const sunday = slotTimes($, '2025-06-15');
		expect(sunday).toEqual(['2025-06-15T09:50:00+02:00', '2025-06-15T16:00:00+02:00']);
		expect(isSorted(slotTimes($, '2025-06-14'))).toBe(true);
		expect(slotTitles($, '2025-06-14')).toEqual([
			'Opening keynote',
			'Zebra packaging',
			'Apk internals',
			'Boot time tuning',
			'Containers at the edge',
		]);
		// Every row names its room and track.
		expect($('[data-slot]').first().find('.where').text()).toBe('Janson · Keynotes');
	});

	it('keeps untimed talks in the running order of the recap, under one schedule heading placed first (item 2)', async () => {
		const $ = await loadPage(dist, '/events/untimed-meetup-2025/');
		expect(slotTitles($, '2025-09-06')).toEqual(['Yak shaving', 'Middle matters', 'Alpha topic']);
		const headings = $('.prose h2')
			.map((_, heading) => $(heading).text().replace('#', '').trim())
			.get();
		expect(headings.filter((text) => text === 'Schedule')).toHaveLength(1);
		expect(headings.indexOf('Schedule')).toBe(0);
	});

	it('marks recorded talks and offers filter pages by track and room as plain links', async () => {
		const $ = await loadPage(dist, '/events/gridconf-2025/');
		const recorded = $('[data-slot]:has(.recorded) a.talk-link')
			.map((_, link) => $(link).text())
			.get();
		expect(recorded).toEqual(['Opening keynote']);
		const filters = $('nav[aria-label="Filter the schedule"] a')
			.map((_, link) => $(link).attr('href'))
			.get();
		expect(filters).toContain('/events/gridconf-2025/track/embedded/');
		expect(filters).toContain('/events/gridconf-2025/room/h1302/');
		const track = await loadPage(dist, '/events/gridconf-2025/track/embedded/');
		expect(
			track('[data-slot] a.talk-link')
				.map((_, link) => track(link).text())
				.get(),
		).toEqual(['Boot time tuning', 'Containers at the edge']);
		expect(track('a[aria-current="page"]').text()).toContain('Embedded');
	});

	it('draws a room × time grid where talks span the five-minute rows they last', async () => {
		const $ = await loadPage(dist, '/events/gridconf-2025/grid/');
		const table = $('table.time-grid').first();
		expect(
			table
				.find('thead th')
				.map((_, th) => $(th).text())
				.get(),
		).toEqual(['Time', 'H.1302', 'H.2214', 'Janson']);
		const keynote = table.find('td.talk:has(a:contains("Opening keynote"))');
		// 09:00–10:00 covers twelve rows of five minutes (issue 24, item 3).
		expect(keynote.attr('rowspan')).toBe('12');
		expect($('a[href="/events/gridconf-2025/grid/"]').length).toBe(0);
		const event = await loadPage(dist, '/events/gridconf-2025/');
		expect(event('a[href="/events/gridconf-2025/grid/"]').length).toBe(1);
	});

	it('shows one player with every format and a labelled download per format (item 3)', async () => {
		const $ = await loadPage(dist, '/talks/opening-keynote/');
		expect($('video')).toHaveLength(1);
		expect(
			$('video source')
				.map((_, source) => $(source).attr('type'))
				.get(),
		).toEqual(['video/webm', 'video/mp4']);
		expect(
			$('.recording a[download]')
				.map((_, link) => $(link).text().trim())
				.get(),
		).toEqual(['Download WebM', 'Download MP4']);
	});

	it('says nothing about an unknown recording, except what the event says (item 3)', async () => {
		const unknown = await loadPage(dist, '/talks/zebra-packaging/');
		expect(unknown('#recording')).toHaveLength(0);
		expect(unknown.text()).not.toMatch(/does not know whether/);
		const meetup = await loadPage(dist, '/talks/yak-shaving/');
		expect(meetup('#recording').closest('section').text().replace(/\s+/g, ' ')).toContain(
			"Untimed Meetup 2025’s recordings: Every session, on the meetup's website.",
		);
		expect(meetup('#recording').closest('section').find('a').attr('href')).toBe(
			'https://meetup.example.org/recordings/',
		);
	});

	it('makes /missing-recordings/ a to-do list: each talk once with an edit link, the event’s hint once (item 3)', async () => {
		const $ = await loadPage(dist, '/missing-recordings/');
		expect($.text()).not.toMatch(/Not known whether it was recorded\./);
		const meetup = $('#event-untimed-meetup-2025').closest('section');
		expect(meetup.find('.event-note').text()).toContain("Every session, on the meetup's website");
		const items = meetup.find('li');
		expect(items).toHaveLength(3);
		expect(items.first().find('a.edit').attr('href')).toMatch(
			/\/-\/edit\/main\/tests\/fixtures\/programme\/content\/talks\/yak-shaving\.md$/,
		);
		expect($('pre code').text()).toContain('status: available');
	});

	it('puts every recap and note in the feed, undated ones by their git date (item 5)', async () => {
		const rss = await readFile(path.join(dist, 'rss.xml'), 'utf8');
		const items = rss.match(/<item>/g) ?? [];
		expect(items).toHaveLength(2);
		expect(rss).toContain('<title>Untimed Meetup 2025 recap</title>');
		expect(rss).toContain('<title>Long lines</title>');
		expect(rss.match(/<pubDate>[^<]+<\/pubDate>/g)).toHaveLength(2);
	});

	it('links "Discussed in" to the talk’s card in the recap (item 6)', async () => {
		const talk = await loadPage(dist, '/talks/middle-matters/');
		const href = talk('.discussed-in a').attr('href');
		expect(href).toBe('/recaps/untimed-meetup-2025-recap/#talk-middle-matters');
		const recap = await loadPage(dist, '/recaps/untimed-meetup-2025-recap/');
		expect(recap('#talk-middle-matters .talk-summary a').first().text()).toBe('Middle matters');
	});

	it('labels related talks by their kind, and orders the page for phones (item 7)', async () => {
		const recap = await loadPage(dist, '/recaps/untimed-meetup-2025-recap/');
		expect(recap('.related li').first().text()).toMatch(/^Discussion: Yak shaving/);
		// DOM order: the folded contents under the title, then the text, the aside, and only then "Edit this page".
		const order = recap('details.toc, .prose, aside.entry-aside, .edit-info')
			.map((_, element) => recap(element).attr('class')?.split(' ')[0])
			.get();
		expect(order).toEqual(['toc', 'prose', 'entry-aside', 'edit-info']);
	});

	it('keeps tags and footnote numbers out of search excerpts, and handles and written dates in the index (item 4)', async () => {
		const recap = await loadPage(dist, '/recaps/untimed-meetup-2025-recap/');
		expect(recap('ul.tags').attr('data-pagefind-ignore')).toBeDefined();
		expect(recap('[data-footnote-ref]').length).toBeGreaterThan(0);
		const person = await loadPage(dist, '/people/ada-lovelace/');
		expect(person('meta[data-pagefind-meta="handles[content]"]').attr('content')).toBe('@adal');
		const talk = await loadPage(dist, '/talks/zebra-packaging/');
		expect(talk('meta[data-pagefind-meta="date[content]"]').attr('content')).toBe('14 June 2025');
		expect(talk('meta[data-pagefind-sort="date[content]"]').attr('content')).toBe('2025-06-14');
	});
});

describe('the basic fixture', () => {
	let dist: string;
	beforeAll(async () => {
		({ dist } = await builtSite('basic'));
	});

	it('offers search on the 404 page and writes its sentence whole (item 9)', async () => {
		const $ = await loadPage(dist, '/404.html');
		expect($('main').text().replace(/\s+/g, ' ')).toContain('or the tags.');
		const form = $('form[role="search"]');
		expect(form.attr('action')).toBe('/search/');
		expect(form.find('input[name="q"]').attr('id')).toBe(form.find('label').attr('for'));
	});

	it('gives the theme picker a way back to the system’s choice (item 9)', async () => {
		const $ = await loadPage(dist, '/');
		expect(
			$('[data-theme-toggle] option')
				.map((_, option) => $(option).text())
				.get(),
		).toEqual(['System', 'Light', 'Dark']);
	});
});

describe('the real site', () => {
	let dist: string;
	beforeAll(async () => {
		({ dist } = await builtSite('site'));
	});

	it('opens /events/ with events that happened, counting in the right number (item 8)', async () => {
		const $ = await loadPage(dist, '/events/');
		const first = $('main ul.card-list > li').first();
		expect(first.text()).not.toMatch(/Announced/);
		expect($.text()).not.toMatch(/\b0 talks\b|\b0 recaps\b|\b1 recaps\b|\b1 talks\b/);
		expect($('#announced').length).toBe(1);
	});

	it('runs the FOSDEM 2020 schedule in time order each day, and AlpineConf’s in the recap’s order (item 2)', async () => {
		const fosdem = await loadPage(dist, '/events/fosdem-2020/');
		for (const day of ['2020-02-01', '2020-02-02'])
			expect(isSorted(slotTimes(fosdem, day))).toBe(true);
		const alpine = await loadPage(dist, '/events/alpineconf-2021/');
		const recap = await loadPage(dist, '/recaps/alpineconf-2021-recap/');
		const recapOrder = recap('.related li a')
			.map((_, link) => recap(link).text().trim())
			.get();
		const scheduleOrder = alpine('[data-slot] a.talk-link')
			.map((_, link) => alpine(link).text().trim())
			.get();
		expect(scheduleOrder).toEqual(recapOrder);
	});

	it('feeds every recap and note (item 5)', async () => {
		const rss = await readFile(path.join(dist, 'rss.xml'), 'utf8');
		const pages =
			(await loadPage(dist, '/recaps/'))('main .entry-card').length +
			(await loadPage(dist, '/notes/'))('main .entry-card').length;
		expect(rss.match(/<item>/g)).toHaveLength(pages);
	});

	it('plays the Podman talk in one player with a download per format (item 3)', async () => {
		const $ = await loadPage(dist, '/talks/podman-the-powerful-container-multi-tool/');
		expect($('video')).toHaveLength(1);
		expect(
			$('.recording a[download]')
				.map((_, link) => $(link).text().trim())
				.get(),
		).toEqual(['Download WebM', 'Download MP4']);
	});
});
