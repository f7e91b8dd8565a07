import { slug } from 'github-slugger';
import type { Entry } from './hub-index';
import { clockMinutes, clockText } from './time';

type Talk = Entry<'talks'>;

export interface ProgrammeDay {
	/** `YYYY-MM-DD`, or undefined for talks whose day is not known. */
	day: string | undefined;
	talks: Talk[];
}

/** Groups an event's talks (already in programme order) by day, undated talks last. */
export function groupTalksByDay(talks: readonly Talk[]): ProgrammeDay[] {
	const days = new Map<string | undefined, Talk[]>();
	for (const talk of talks) {
		const group = days.get(talk.data.day);
		if (group) group.push(talk);
		else days.set(talk.data.day, [talk]);
	}
	return [...days].map(([day, dayTalks]) => ({ day, talks: dayTalks })).sort((a, b) => (a.day ?? '\uffff').localeCompare(b.day ?? '\uffff'));
}

/** Rooms such as `H.2214` and `UD2.208 (Decroly)` in the order a visitor reads them. */
export const compareRooms = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** What a programme can be narrowed to: a track or a room, each with the slug of its page. */
export interface ProgrammeFilter {
	kind: 'track' | 'room';
	name: string;
	slug: string;
	count: number;
}

/** The tracks and rooms of an event's talks, each by name, with how many talks it has. */
export function programmeFilters(talks: readonly Talk[]): { tracks: ProgrammeFilter[]; rooms: ProgrammeFilter[] } {
	const collect = (kind: ProgrammeFilter['kind']) => {
		const counts = new Map<string, number>();
		for (const talk of talks) {
			const name = talk.data[kind];
			if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
		}
		const slugs = new Set<string>();
		return [...counts]
			.sort(([a], [b]) => compareRooms(a, b))
			.map(([name, count]) => {
				// Two names that slug alike ("C++" and "C") still get pages of their own.
				let value = slug(name) || kind;
				for (let n = 2; slugs.has(value); n++) value = `${slug(name) || kind}-${n}`;
				slugs.add(value);
				return { kind, name, slug: value, count };
			});
	};
	return { tracks: collect('track'), rooms: collect('room') };
}

/** The grid's time scale: every row is this many minutes, so a talk's height follows its length. */
export const gridMinutesPerRow = 5;

/** One cell of a room × time grid: a talk starting in this row, or a free stretch; each spans `rows` rows. */
export type GridCell = { talk: Talk; rows: number } | { free: true; rows: number };

export interface TimeGrid {
	rooms: string[];
	/**
	 * One row per `gridMinutesPerRow` minutes from the day's first start to its last end. A row
	 * has a cell for each room where a talk or a free stretch begins; `label` marks the rows that
	 * open a half hour (and the first), which name their time for the rows up to the next label.
	 */
	rows: { time: string; label?: { rows: number }; cells: { room: string; cell: GridCell }[] }[];
	/** Talks the grid cannot place: without a room or a start, or overlapping another in its room. */
	unplaced: Talk[];
}

/**
 * A day's talks as a room × time table on a time scale, pretalx's view: every row is
 * `gridMinutesPerRow` minutes, a talk spans the rows it lasts (a talk without a duration one),
 * starts and ends between rows are rounded outwards, and free time in a room is one cell.
 */
export function timeGrid(talks: readonly Talk[]): TimeGrid {
	const step = gridMinutesPerRow;
	const placed = talks.filter((talk) => talk.data.room && talk.data.start);
	const unplaced = talks.filter((talk) => !talk.data.room || !talk.data.start);
	const rooms = [...new Set(placed.map((talk) => talk.data.room!))].sort(compareRooms);
	if (!placed.length) return { rooms, rows: [], unplaced };
	const start = (talk: Talk) => clockMinutes(talk.data.start!);
	const end = (talk: Talk) => start(talk) + Math.max(talk.data.duration ?? step, 1);
	const first = Math.floor(Math.min(...placed.map(start)) / step) * step;
	const last = Math.ceil(Math.max(...placed.map(end)) / step) * step;
	const rows: TimeGrid['rows'] = Array.from({ length: (last - first) / step }, (_, index) => ({ time: clockText(first + index * step), cells: [] }));
	// Each half hour names its time, for the rows up to the next one.
	const labelled = rows.flatMap((_, index) => (index === 0 || (first + index * step) % 30 === 0 ? [index] : []));
	labelled.forEach((index, position) => (rows[index]!.label = { rows: (labelled[position + 1] ?? rows.length) - index }));
	for (const room of rooms) {
		const roomTalks = placed.filter((talk) => talk.data.room === room).sort((a, b) => start(a) - start(b));
		let row = 0;
		const free = (until: number) => {
			if (until > row) rows[row]!.cells.push({ room, cell: { free: true, rows: until - row } });
			row = Math.max(row, until);
		};
		for (const talk of roomTalks) {
			const firstRow = Math.floor((start(talk) - first) / step);
			// A talk overlapping the room's previous one (a data error) is listed under the grid instead.
			if (firstRow < row) {
				unplaced.push(talk);
				continue;
			}
			free(firstRow);
			const span = Math.max(1, Math.ceil((end(talk) - first) / step) - firstRow);
			rows[firstRow]!.cells.push({ room, cell: { talk, rows: span } });
			row = firstRow + span;
		}
		free(rows.length);
	}
	return { rooms, rows, unplaced };
}

/**
 * The talks before and after `talk` in its room, in programme order (`talks` as `talksOf`
 * gives them): where to go next without leaving the room. Only timed talks have neighbours.
 */
export function roomNeighbours(talks: readonly Talk[], talk: Talk): { previous?: Talk | undefined; next?: Talk | undefined } {
	const { room, start } = talk.data;
	if (!room || !start) return {};
	const inRoom = talks.filter((other) => other.data.room === room && other.data.start);
	const index = inRoom.indexOf(talk);
	return { previous: inRoom[index - 1], next: inRoom[index + 1] };
}
