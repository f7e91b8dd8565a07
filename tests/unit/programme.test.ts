import { describe, expect, it } from 'vitest';
import { groupSessionsByDay, programmeFilters, programmeSessions, talkSessions, timeGrid } from '../../src/lib/programme';

type Sessions = { day: string; start: string; duration?: number; room?: string }[];
const talk = (id: string, data: { room?: string; start?: string; duration?: number; track?: string; day?: string; sessions?: Sessions }) =>
	({ collection: 'talks', id, data: { title: id, day: '2024-03-09', ...data } }) as never;
const sessionsOf = (...talks: never[]) => programmeSessions(talks);

describe('timeGrid', () => {
	it('lays talks out by room and time, spanning the rows they last', () => {
		const grid = timeGrid(
			sessionsOf(
				talk('keynote', { room: 'Janson', start: '09:00', duration: 60 }),
				talk('short', { room: 'H.1302', start: '09:30', duration: 30 }),
				talk('late', { room: 'H.1302', start: '10:00', duration: 30 }),
				talk('nowhere', { start: '09:00' }),
			),
		);
		expect(grid.rooms).toEqual(['H.1302', 'Janson']);
		const shown = grid.rows.map((row) => [
			row.time,
			row.cells.map(({ room, cell }) => `${room}:${'session' in cell ? `${cell.session.talk.id}/${cell.rows}` : 'free'}`),
		]);
		expect(shown).toEqual([
			['09:00', ['H.1302:free', 'Janson:keynote/2']],
			['09:30', ['H.1302:short/1']],
			['10:00', ['H.1302:late/1', 'Janson:free']],
		]);
		expect(grid.unplaced.map((item) => item.talk.id)).toEqual(['nowhere']);
	});

	it('gives a talk without a duration one row, and lists one overlapping its room’s previous talk under the grid', () => {
		const grid = timeGrid(
			sessionsOf(
				talk('long', { room: 'A', start: '10:00', duration: 60 }),
				talk('clash', { room: 'A', start: '10:30', duration: 10 }),
				talk('open', { room: 'B', start: '10:00' }),
				talk('last', { room: 'B', start: '11:00' }),
			),
		);
		const cellsAt = (time: string) =>
			grid.rows
				.find((row) => row.time === time)
				?.cells.map(({ room, cell }) => `${room}:${'session' in cell ? `${cell.session.talk.id}/${cell.rows}` : 'free'}`);
		expect(cellsAt('10:00')).toEqual(['A:long/3', 'B:open/1']);
		expect(cellsAt('10:30')).toEqual(['B:free']);
		expect(cellsAt('11:00')).toEqual(['A:free', 'B:last/1']);
		expect(grid.unplaced.map((item) => item.talk.id)).toEqual(['clash']);
	});
});

describe('programmeFilters', () => {
	it('lists tracks and rooms with counts and distinct slugs', () => {
		const { tracks, rooms } = programmeFilters(
			sessionsOf(talk('a', { track: 'C++', room: 'H.2214' }), talk('b', { track: 'C', room: 'H.1302' }), talk('c', { track: 'C', room: 'UD2.208 (Decroly)' })),
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
		expect(talkSessions(workshop).map(({ index, day, start, duration, room }) => [index, day, start, duration, room])).toEqual([
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
		expect(days.map((day) => [day.day, day.sessions.map((session) => `${session.talk.id}@${session.start}`)])).toEqual([
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
		expect(programmeFilters(sessions).tracks).toEqual([{ kind: 'track', name: 'Hardware', slug: 'hardware', count: 3 }]);
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
		expect(days.map((day) => [day.day, day.sessions.map((session) => `${session.talk.id}@${session.day} ${session.start}`)])).toEqual([
			['2024-03-09', ['concert@2024-03-09 22:00', 'party@2024-03-10 00:50']],
			['2024-03-10', ['breakfast@2024-03-10 10:00']],
		]);
		expect(timeGrid(days[0]!.sessions).rows.map((row) => row.time)).toEqual(['22:00', '23:30', '00:50']);
		expect(groupSessionsByDay(programmeSessions(talks)).map((day) => day.sessions.length)).toEqual([1, 2]);
	});
});
