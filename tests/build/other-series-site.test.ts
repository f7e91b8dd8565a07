import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBuiltIndex } from '#tools/search/pagefind-node.ts';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

/**
 * Other series in the `series` site, next to FOSDEM (issue 22): `example-camp`, made from
 * `camp-repeats.xml` (a workshop held three times) and `camp-night.xml` (talks after midnight),
 * and `example-congress`, from `congress-names.xml` and `congress-ids-*.xml` (nested and
 * invisible names, shared ids, a speaker who also spoke at FOSDEM). `tests/helpers/series-site.ts`.
 */
let dist: string;
beforeAll(async () => {
	({ dist } = await builtSite('series'));
});

type Page = Awaited<ReturnType<typeof loadPage>>;
const text = ($: Page, element: Parameters<Page>[0]) =>
	$(element).text().replace(/\s+/g, ' ').trim();
/** Each day of a programme, by its heading's date, with its rows as `title @ datetime`. */
const programme = ($: Page) =>
	$('section.day')
		.map((_, day) => [
			[
				$(day).find('h3 time').attr('datetime'),
				$(day)
					.find('li.slot')
					.map(
						(__, slot) =>
							`${text($, $(slot).find('a.talk-link'))} @ ${$(slot).find('time[data-zoned]').attr('datetime')}`,
					)
					.get(),
			],
		])
		.get();

describe('a talk held several times', () => {
	it('is one page listing every session with its room', async () => {
		const $ = await loadPage(dist, '/talks/camp2024/soldering-workshop/');
		expect(
			$('ol.sessions li[data-session]')
				.map((_, item) => [
					[$(item).find('time').last().attr('datetime'), text($, item).split(', ').at(-1)],
				])
				.get(),
		).toEqual([
			['2024-08-01T10:00:00+02:00', 'Hardware tent'],
			['2024-08-02T10:00:00+02:00', 'Hardware tent'],
			['2024-08-03T14:00:00+02:00', 'Village'],
		]);
		expect(
			(await readdir(path.join(dist, 'talks/camp2024'))).filter((name) =>
				name.startsWith('soldering'),
			),
		).toEqual(['soldering-workshop']);
	});

	it('has a row per session in the programme and a cell per session in the grid, each its own calendar entry', async () => {
		const $ = await loadPage(dist, '/events/camp2024/');
		expect(programme($)).toEqual([
			[
				'2024-08-01',
				['Opening @ 2024-08-01T09:00:00+02:00', 'Soldering workshop @ 2024-08-01T10:00:00+02:00'],
			],
			[
				'2024-08-02',
				[
					'Lightning talks @ 2024-08-02T09:00:00+02:00',
					'Soldering workshop @ 2024-08-02T10:00:00+02:00',
				],
			],
			['2024-08-03', ['Soldering workshop @ 2024-08-03T14:00:00+02:00']],
		]);
		expect(
			text(
				$,
				$('li.slot').filter(
					(_, slot) => $(slot).find('time').attr('datetime') === '2024-08-03T14:00:00+02:00',
				),
			),
		).toContain('(session 3 of 3)');
		const uids = $('li.slot[data-uid]')
			.map((_, slot) => $(slot).attr('data-uid'))
			.get();
		expect(new Set(uids).size).toBe(uids.length);
		const grid = await loadPage(dist, '/events/camp2024/grid/');
		expect(grid('td.talk a[href="/talks/camp2024/soldering-workshop/"]')).toHaveLength(3);
	});
});

describe('talks after midnight', () => {
	it('end the day they are listed under, at their real date and time', async () => {
		const $ = await loadPage(dist, '/events/camp2025/');
		expect(programme($)).toEqual([
			[
				'2025-08-01',
				[
					'Evening concert @ 2025-08-01T22:00:00+02:00',
					'Midnight lightning talks @ 2025-08-02T00:50:00+02:00',
					'Late night hacking @ 2025-08-02T02:00:00+02:00',
				],
			],
			['2025-08-02', ['Breakfast talk @ 2025-08-02T10:00:00+02:00']],
		]);
		expect(text($, $('li.slot').eq(1))).toContain('(after midnight: Saturday, 2 August 2025)');
		const talk = await loadPage(dist, '/talks/camp2025/midnight-lightning-talks/');
		expect(talk('dd time').first().attr('datetime')).toBe('2025-08-02');
	});
});

describe('speakers of schedules merged from several systems', () => {
	it('give no person an empty, invisible or id-like name', async () => {
		const people = await readdir(path.join(dist, 'people'));
		for (const id of people.filter((name) => !name.includes('.'))) {
			const $ = await loadPage(dist, `/people/${id}/`);
			const name = $('h1').first().text().trim();
			expect(name, id).toMatch(/\p{L}/u);
			expect(name, id).not.toMatch(/[\u200B\u2060\uFEFF\u00AD]|^\d+$/);
		}
		const $ = await loadPage(dist, '/talks/congress-2021/persons-in-pretalx-s-shape/');
		expect(text($, 'dl.facts dd:first-of-type')).toBe('Andreas Example');
		const andreas = await loadPage(dist, '/people/andreas-example/');
		expect(text(andreas, 'main')).toContain('Builds radios.');
	});
});

describe('two series in one hub', () => {
	it('give each series its page, and a speaker at both one page listing both', async () => {
		for (const [id, name] of [
			['example-camp', 'Example Camp'],
			['example-congress', 'Example Congress'],
			['fosdem', 'FOSDEM'],
		]) {
			expect((await loadPage(dist, `/series/${id}/`))('h1').text()).toBe(name);
		}
		const $ = await loadPage(dist, '/people/thierry-carrez/');
		expect($('.record').text()).toMatch(/^1 talk at Example Congress 2023; 1 talk at FOSDEM 2020/);
		expect($('a[href="/talks/fosdem-2020/containers-k8s-runtimes/"]')).toHaveLength(1);
		expect($('a[href="/talks/congress-2023/open-infrastructure/"]')).toHaveLength(1);
	});

	it('lets search filter by series', async () => {
		const index = await openBuiltIndex(dist);
		expect(Object.keys((await index.filters()).series ?? {}).sort()).toEqual([
			'Example Camp',
			'Example Congress',
			'FOSDEM',
		]);
		const { hits } = await index.search('', { filters: { series: ['Example Camp'] }, limit: 50 });
		// The camp's seven talks, and no other series' talk.
		const talks = hits.map((hit) => hit.url).filter((url) => url.startsWith('/talks/'));
		expect(talks).toHaveLength(7);
		expect(talks.every((url) => url.startsWith('/talks/camp'))).toBe(true);
	});
});
