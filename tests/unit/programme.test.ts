import { describe, expect, it } from 'vitest';
import { programmeFilters, timeGrid } from '../../src/lib/programme';
import { entry, type FrontMatter } from '../helpers/entries';

/** A talk of one conference day, titled by its id. */
const talk = (id: string, frontMatter: Pick<FrontMatter<'talks'>, 'room' | 'start' | 'duration' | 'track'>) =>
	entry('talks', id, { title: id, event: 'conf', day: '2024-03-09', ...frontMatter });

describe('timeGrid', () => {
	it('lays talks out by room and time, spanning the rows they last', () => {
		const grid = timeGrid([
			talk('keynote', { room: 'Janson', start: '09:00', duration: 60 }),
			talk('short', { room: 'H.1302', start: '09:30', duration: 30 }),
			talk('late', { room: 'H.1302', start: '10:00', duration: 30 }),
			talk('nowhere', { start: '09:00' }),
		]);
		expect(grid.rooms).toEqual(['H.1302', 'Janson']);
		const shown = grid.rows.map((row) => [row.time, row.cells.map(({ room, cell }) => `${room}:${'talk' in cell ? `${cell.talk.id}/${cell.rows}` : 'free'}`)]);
		expect(shown).toEqual([
			['09:00', ['H.1302:free', 'Janson:keynote/2']],
			['09:30', ['H.1302:short/1']],
			['10:00', ['H.1302:late/1', 'Janson:free']],
		]);
		expect(grid.unplaced.map((item) => item.id)).toEqual(['nowhere']);
	});

	it('gives a talk without a duration one row, and lists one overlapping its room’s previous talk under the grid', () => {
		const grid = timeGrid([
			talk('long', { room: 'A', start: '10:00', duration: 60 }),
			talk('clash', { room: 'A', start: '10:30', duration: 10 }),
			talk('open', { room: 'B', start: '10:00' }),
			talk('last', { room: 'B', start: '11:00' }),
		]);
		const cellsAt = (time: string) =>
			grid.rows.find((row) => row.time === time)?.cells.map(({ room, cell }) => `${room}:${'talk' in cell ? `${cell.talk.id}/${cell.rows}` : 'free'}`);
		expect(cellsAt('10:00')).toEqual(['A:long/3', 'B:open/1']);
		expect(cellsAt('10:30')).toEqual(['B:free']);
		expect(cellsAt('11:00')).toEqual(['A:free', 'B:last/1']);
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
