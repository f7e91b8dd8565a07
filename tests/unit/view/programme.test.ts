import { describe, expect, it } from 'vitest';
import type { Entry } from '#lib/hub/hub-index.ts';
import {
	groupSessionsByDay,
	programmeFilters,
	programmeSessions,
	roomNeighbours,
	talkSessions,
	timeGrid,
} from '#lib/view/programme.ts';
import { entry, type FrontMatter } from '../../helpers/entries';

/** A talk of one conference day, titled by its id. */
const talk = (
	id: string,
	frontMatter: Pick<
		FrontMatter<'talks'>,
		'room' | 'start' | 'duration' | 'track' | 'day' | 'sessions'
	>,
) => entry('talks', id, { title: id, event: 'conf', day: '2024-03-09', ...frontMatter });
const sessionsOf = (...talks: Entry<'talks'>[]) => programmeSessions(talks);

describe('timeGrid', () => {
	const shown = (grid: ReturnType<typeof timeGrid>) =>
		grid.rows
			.filter((row) => row.cells.length)
			.map((row) => [
				row.time,
				row.cells.map(
					({ room, cell }) =>
						`${room}:${'session' in cell ? cell.session.talk.id : 'free'}/${cell.rows}`,
				),
			]);

	it('lays talks out by room on a five-minute scale, each spanning the rows it lasts', () => {
		const grid = timeGrid(
			sessionsOf(
				talk('keynote', { room: 'Janson', start: '09:00', duration: 60 }),
				talk('short', { room: 'H.1302', start: '09:30', duration: 10 }),
				talk('late', { room: 'H.1302', start: '10:00', duration: 30 }),
				talk('nowhere', { start: '09:00' }),
			),
		);
		expect(grid.rooms).toEqual(['H.1302', 'Janson']);
		expect(grid.rows).toHaveLength(18);
		expect(grid.rows[0]!.time).toBe('09:00');
		expect(shown(grid)).toEqual([
			['09:00', ['H.1302:free/6', 'Janson:keynote/12']],
			['09:30', ['H.1302:short/2']],
			['09:40', ['H.1302:free/4']],
			['10:00', ['H.1302:late/6', 'Janson:free/6']],
		]);
		expect(grid.unplaced.map((item) => item.talk.id)).toEqual(['nowhere']);
		// The half hours name their time for the rows up to the next.
		expect(grid.rows.flatMap((row) => (row.label ? [[row.time, row.label.rows]] : []))).toEqual([
			['09:00', 6],
			['09:30', 6],
			['10:00', 6],
		]);
	});

	it('gives a talk without a duration one row, rounds odd times outwards, and lists an overlapping talk under the grid', () => {
		const grid = timeGrid(
			sessionsOf(
				talk('long', { room: 'A', start: '10:00', duration: 60 }),
				talk('clash', { room: 'A', start: '10:30', duration: 10 }),
				talk('open', { room: 'B', start: '10:00' }),
				talk('odd', { room: 'B', start: '10:52', duration: 10 }),
			),
		);
		expect(shown(grid)).toEqual([
			['10:00', ['A:long/12', 'B:open/1']],
			['10:05', ['B:free/9']],
			['10:50', ['B:odd/3']],
			['11:00', ['A:free/1']],
		]);
		expect(grid.rows.at(-1)!.time).toBe('11:00');
		expect(grid.unplaced.map((item) => item.talk.id)).toEqual(['clash']);
	});
});

describe('programmeFilters', () => {
	it('lists tracks and rooms with counts and distinct slugs', () => {
		const { tracks, rooms } = programmeFilters(
			sessionsOf(
				talk('a', { track: 'C++', room: 'H.2214' }),
				talk('b', { track: 'C', room: 'H.1302' }),
				talk('c', { track: 'C', room: 'UD2.208 (Decroly)' }),
			),
		);
		expect(tracks).toEqual([
			{ kind: 'track', name: 'C', slug: 'c', count: 2 },
			{ kind: 'track', name: 'C++', slug: 'c-2', count: 1 },
		]);
		expect(rooms.map((room) => [room.name, room.slug])).toEqual([
			['H.1302', 'h1302'],
			['H.2214', 'h2214'],
			['UD2.208 (Decroly)', 'ud2208-decroly'],
		]);
	});
	it('slugs tracks as their series pages and search filters do, keeping the former slug where it differs', () => {
		const { tracks } = programmeFilters(
			sessionsOf(
				talk('a', { track: 'Café & Co' }),
				talk('b', { track: 'Go devroom' }),
				talk('c', { track: 'Rust' }),
			),
		);
		expect(tracks.map(({ name, slug, formerSlug }) => [name, slug, formerSlug])).toEqual([
			['Café & Co', 'cafe-and-co', 'café--co'],
			['Go devroom', 'go', 'go-devroom'],
			['Rust', 'rust', undefined],
		]);
	});
});

describe('talkSessions', () => {
	const workshop = talk('workshop', {
		start: '10:00',
		duration: 90,
		room: 'Lab',
		track: 'Hardware',
		sessions: [
			{ day: '2024-03-10', start: '10:00' },
			{ day: '2024-03-11', start: '14:00', duration: 60, room: 'Hall B' },
		],
	});

	it('gives a talk held several times one session each, further ones taking its room and length unless they say otherwise', () => {
		expect(
			talkSessions(workshop).map(({ index, day, start, duration, room }) => [
				index,
				day,
				start,
				duration,
				room,
			]),
		).toEqual([
			[0, '2024-03-09', '10:00', 90, 'Lab'],
			[1, '2024-03-10', '10:00', 90, 'Lab'],
			[2, '2024-03-11', '14:00', 60, 'Hall B'],
		]);
		expect(talkSessions(talk('once', { start: '09:00' }))).toHaveLength(1);
	});

	it('puts every session in the programme by day and time, in the grid and in the room counts', () => {
		const sessions = sessionsOf(
			workshop,
			talk('keynote', { start: '09:00', room: 'Lab' }),
			talk('closing', { day: '2024-03-11', start: '17:00', room: 'Lab' }),
		);
		const days = groupSessionsByDay(sessions);
		expect(
			days.map((day) => [
				day.day,
				day.sessions.map((session) => `${session.talk.id}@${session.start}`),
			]),
		).toEqual([
			['2024-03-09', ['keynote@09:00', 'workshop@10:00']],
			['2024-03-10', ['workshop@10:00']],
			['2024-03-11', ['workshop@14:00', 'closing@17:00']],
		]);
		const grid = timeGrid(days[2]!.sessions);
		expect(grid.rooms).toEqual(['Hall B', 'Lab']);
		expect(programmeFilters(sessions).rooms.map((room) => [room.name, room.count])).toEqual([
			['Hall B', 1],
			['Lab', 4],
		]);
		expect(programmeFilters(sessions).tracks).toEqual([
			{ kind: 'track', name: 'Hardware', slug: 'hardware', count: 3 },
		]);
	});
});

describe('sessions after midnight', () => {
	it('end the programme day before (the event’s dayChange), in the list and at the bottom of the grid, keeping their real date', () => {
		const talks = [
			talk('breakfast', { day: '2024-03-10', start: '10:00', room: 'Stage', duration: 30 }),
			talk('party', { day: '2024-03-10', start: '00:50', room: 'Stage', duration: 60 }),
			talk('concert', { day: '2024-03-09', start: '22:00', room: 'Stage', duration: 90 }),
		];
		const days = groupSessionsByDay(programmeSessions(talks, '06:00'));
		expect(
			days.map((day) => [
				day.day,
				day.sessions.map((session) => `${session.talk.id}@${session.day} ${session.start}`),
			]),
		).toEqual([
			['2024-03-09', ['concert@2024-03-09 22:00', 'party@2024-03-10 00:50']],
			['2024-03-10', ['breakfast@2024-03-10 10:00']],
		]);
		expect(
			timeGrid(days[0]!.sessions)
				.rows.filter((row) => row.cells.length)
				.map((row) => [
					row.time,
					row.cells.map(({ cell }) =>
						'session' in cell ? `${cell.session.talk.id}/${cell.rows}` : `free/${cell.rows}`,
					),
				]),
		).toEqual([
			['22:00', ['concert/18']],
			['23:30', ['free/16']],
			['00:50', ['party/12']],
		]);
		expect(groupSessionsByDay(programmeSessions(talks)).map((day) => day.sessions.length)).toEqual([
			1, 2,
		]);
	});
});

describe('roomNeighbours', () => {
	it('gives the talks before and after in the same room, across days, skipping other rooms and untimed talks', () => {
		const at = (id: string, day: string, room: string | undefined, start?: string) =>
			({ collection: 'talks', id, data: { title: id, day, room, start } }) as never;
		const first = at('first', '2024-03-09', 'Janson', '09:00');
		const elsewhere = at('elsewhere', '2024-03-09', 'H.1302', '09:30');
		const second = at('second', '2024-03-09', 'Janson', '10:00');
		const untimed = at('untimed', '2024-03-09', 'Janson');
		const sunday = at('sunday', '2024-03-10', 'Janson', '09:00');
		const talks = [first, elsewhere, second, sunday, untimed];
		expect(roomNeighbours(talks, second)).toEqual({ previous: first, next: sunday });
		expect(roomNeighbours(talks, first)).toEqual({ previous: undefined, next: second });
		expect(roomNeighbours(talks, untimed)).toEqual({});
		expect(roomNeighbours(talks, elsewhere)).toEqual({ previous: undefined, next: undefined });
	});
});
