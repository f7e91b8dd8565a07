import { describe, expect, it } from 'vitest';
import { programmeFilters, roomNeighbours, timeGrid } from '../../src/lib/programme';

const talk = (id: string, data: { room?: string; start?: string; duration?: number; track?: string }) =>
	({ collection: 'talks', id, data: { title: id, day: '2024-03-09', ...data } }) as never;

describe('timeGrid', () => {
	const shown = (grid: ReturnType<typeof timeGrid>) =>
		grid.rows
			.filter((row) => row.cells.length)
			.map((row) => [row.time, row.cells.map(({ room, cell }) => `${room}:${'talk' in cell ? cell.talk.id : 'free'}/${cell.rows}`)]);

	it('lays talks out by room on a five-minute scale, each spanning the rows it lasts', () => {
		const grid = timeGrid([
			talk('keynote', { room: 'Janson', start: '09:00', duration: 60 }),
			talk('short', { room: 'H.1302', start: '09:30', duration: 10 }),
			talk('late', { room: 'H.1302', start: '10:00', duration: 30 }),
			talk('nowhere', { start: '09:00' }),
		]);
		expect(grid.rooms).toEqual(['H.1302', 'Janson']);
		expect(grid.rows).toHaveLength(18);
		expect(grid.rows[0]!.time).toBe('09:00');
		expect(shown(grid)).toEqual([
			['09:00', ['H.1302:free/6', 'Janson:keynote/12']],
			['09:30', ['H.1302:short/2']],
			['09:40', ['H.1302:free/4']],
			['10:00', ['H.1302:late/6', 'Janson:free/6']],
		]);
		expect(grid.unplaced.map((item) => item.id)).toEqual(['nowhere']);
		// The half hours name their time for the rows up to the next.
		expect(grid.rows.flatMap((row) => (row.label ? [[row.time, row.label.rows]] : []))).toEqual([
			['09:00', 6],
			['09:30', 6],
			['10:00', 6],
		]);
	});

	it('gives a talk without a duration one row, rounds odd times outwards, and lists an overlapping talk under the grid', () => {
		const grid = timeGrid([
			talk('long', { room: 'A', start: '10:00', duration: 60 }),
			talk('clash', { room: 'A', start: '10:30', duration: 10 }),
			talk('open', { room: 'B', start: '10:00' }),
			talk('odd', { room: 'B', start: '10:52', duration: 10 }),
		]);
		expect(shown(grid)).toEqual([
			['10:00', ['A:long/12', 'B:open/1']],
			['10:05', ['B:free/9']],
			['10:50', ['B:odd/3']],
			['11:00', ['A:free/1']],
		]);
		expect(grid.rows.at(-1)!.time).toBe('11:00');
		expect(grid.unplaced.map((item) => item.id)).toEqual(['clash']);
	});
});

describe('programmeFilters', () => {
	it('lists tracks and rooms with counts and distinct slugs', () => {
		const { tracks, rooms } = programmeFilters([
			talk('a', { track: 'C++', room: 'H.2214' }),
			talk('b', { track: 'C', room: 'H.1302' }),
			talk('c', { track: 'C', room: 'UD2.208 (Decroly)' }),
		]);
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
