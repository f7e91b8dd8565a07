import { beforeAll, describe, expect, it } from 'vitest';
import { congressSchedules } from '#tools/bench/congress-corpus.ts';
import { summaryLimit } from '#tools/import/import-summary.ts';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';
import { roomSlug } from '#lib/view/programme.ts';
import type * as CongressSiteModule from '../helpers/congress-site';
import { congressSiteOptions } from '../helpers/congress-site';
import { inChildProcess } from '../helpers/in-child-process';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

/**
 * The `congress` site: six editions of the benchmark's generated congress, 40 to 60 rooms
 * each and about 270 in all (`tests/helpers/congress-site.ts`). The series page must read well
 * at that size: rooms counted per edition, the busiest charted, never every room listed.
 */
const { largerCongressSummary } = inChildProcess<typeof CongressSiteModule>(
	new URL('../helpers/congress-site.ts', import.meta.url).href,
);

let dist: string;
beforeAll(async () => {
	({ dist } = await builtSite('congress'));
});

const schedules = congressSchedules(congressSiteOptions).map((schedule) =>
	parseSchedule(schedule.xml, schedule.name),
);
const roomsOf = (talks: readonly { room?: string | undefined }[]) =>
	new Set(talks.map((talk) => roomSlug(talk.room!)));
const allRooms = roomsOf(schedules.flatMap((schedule) => schedule.talks));

type Page = Awaited<ReturnType<typeof loadPage>>;
const text = ($: Page, element: Parameters<Page>[0]) =>
	$(element).text().replace(/\s+/g, ' ').trim();

describe('the series page of a congress with hundreds of rooms', () => {
	it('counts the rooms in its lead and per edition', async () => {
		expect(allRooms.size).toBeGreaterThan(200);
		const $ = await loadPage(dist, '/series/hack-congress/');
		expect(text($, 'p.lead')).toMatch(
			new RegExp(
				`^6 editions \\(2018–2023\\), [\\d,]+ talks by [\\d,]+ speakers in ${allRooms.size} rooms\\.$`,
			),
		);
		const headings = $('#editions-table thead th')
			.map((_, cell) => text($, cell))
			.get();
		expect(headings).toEqual(['Edition', 'Talks', 'Speakers', 'Rooms']);
		expect(
			$('#editions-table tbody tr')
				.map((_, row) => Number(text($, $(row).find('td').last())))
				.get(),
		).toEqual(schedules.map((schedule) => roomsOf(schedule.talks).size));
	});

	it('charts the 12 busiest rooms, never every room, with long names cut in the chart only', async () => {
		const $ = await loadPage(dist, '/series/hack-congress/');
		expect(text($, '#talks-per-room-title')).toBe('Talks per room, the 12 busiest');
		expect($('#talks-per-room-title').closest('svg').find('rect.bar')).toHaveLength(12);
		expect($('#rooms-table tbody tr')).toHaveLength(12);
		expect(text($, '#rooms-table caption')).toBe(
			`The 12 busiest of Hack Congress's ${allRooms.size} rooms, most talks first.`,
		);
		const long = 'Chaos-West Bühne: Assembly of Critical Hackers & Makers';
		expect(
			$('#rooms-table tbody th')
				.map((_, cell) => text($, cell))
				.get(),
		).toContain(long);
		const labels = $('#talks-per-room-title')
			.closest('svg')
			.find('text.label')
			.map((_, label) => text($, label))
			.get();
		expect(labels).toContain('Chaos-West Bühne: Assembly of…');
		expect(text($, '#talks-per-room-desc')).toContain(`${long}, `);
		// Every room of the series by name: the page shows no more than the twelve.
		const names = new Set(
			schedules.flatMap((schedule) => schedule.talks.map((talk) => talk.room!)),
		);
		const main = text($, 'main');
		expect([...names].filter((name) => main.includes(name)).length).toBeLessThanOrEqual(12);
	});

	it('keeps a track renamed in spelling one track', async () => {
		const $ = await loadPage(dist, '/series/hack-congress/');
		const tracks = $('#tracks-table tbody th')
			.map((_, cell) => text($, cell))
			.get();
		expect(tracks).toContain('Ethics, Society and Politics');
		expect(tracks).not.toContain('Ethics, Society & Politics');
		expect(new Set(tracks).size).toBe(tracks.length);
	});
});

describe('the programme of an edition with 60 rooms', () => {
	it('folds the room filters under their count, open on a room’s own page; a few tracks stay in a line', async () => {
		const $ = await loadPage(dist, '/events/hc2023/');
		const rooms = roomsOf(schedules.at(-1)!.talks).size;
		const group = $('nav.filters details.filter-group');
		expect(group).toHaveLength(1);
		expect(group.attr('open')).toBeUndefined();
		expect(text($, group.find('summary'))).toBe(`Room: ${rooms} rooms`);
		expect(group.find('a[data-filter-kind="room"]')).toHaveLength(rooms + 1);
		expect(text($, $('nav.filters > p').first())).toMatch(/^Track: All · /);
		const roomPage = await loadPage(dist, '/events/hc2023/room/saal-1/');
		const open = roomPage('nav.filters details.filter-group');
		expect(open.attr('open')).toBeDefined();
		expect(text(roomPage, open.find('a[aria-current="page"]'))).toBe('Saal 1');
	});
});

describe('the import summary of a congress', () => {
	it('gives each list its first lines and how many more there are', async () => {
		// About a thousand events imported: in a child process, out of the coverage's way.
		const { disagreements, repeats, lines } = await largerCongressSummary();
		expect(disagreements).toBeGreaterThan(summaryLimit);
		expect(repeats).toBeGreaterThan(summaryLimit);
		const heading = lines.findIndex((line) =>
			line.startsWith(`  ${disagreements} disagreements within the schedules`),
		);
		expect(lines[heading + summaryLimit + 1]).toBe(
			`    … and ${disagreements - summaryLimit} more (--verbose lists them all)`,
		);
		expect(lines.length).toBeLessThan(60);
	});
});
