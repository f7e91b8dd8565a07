import { slug } from 'github-slugger';
import type { Entry } from './hub-index';
import { clockMinutes, clockText } from './time';
import { trackSlug } from './track-slug';

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
	/** A track page's slug before tracks had one slug everywhere (github-slugger's, `café--co`), when it differs: it redirects. */
	formerSlug?: string | undefined;
	count: number;
}

/** Numbers a slug apart from those taken: two names that slug alike ("C++" and "C") still get pages of their own. */
function distinctSlugs(names: readonly string[], slugOf: (name: string) => string, fallback: string): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		let value = slugOf(name) || fallback;
		for (let n = 2; taken.has(value); n++) value = `${slugOf(name) || fallback}-${n}`;
		taken.add(value);
		return value;
	});
}

/**
 * The tracks and rooms of an event's talks, each by name, with how many talks it has. A track's
 * slug is `trackSlug`, the one its series track page and the search filter use; a room's is
 * github-slugger's (`UD2.208 (Decroly)` → `ud2208-decroly`), as it always was.
 */
export function programmeFilters(talks: readonly Talk[]): { tracks: ProgrammeFilter[]; rooms: ProgrammeFilter[] } {
	const collect = (kind: ProgrammeFilter['kind']) => {
		const counts = new Map<string, number>();
		for (const talk of talks) {
			const name = talk.data[kind];
			if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
		}
		const named = [...counts].sort(([a], [b]) => compareRooms(a, b));
		const names = named.map(([name]) => name);
		const slugs = distinctSlugs(names, kind === 'track' ? trackSlug : slug, kind);
		const formerSlugs = kind === 'track' ? distinctSlugs(names, slug, kind) : slugs;
		return named.map(([name, count], index): ProgrammeFilter => {
			const former = formerSlugs[index]!;
			return { kind, name, slug: slugs[index]!, formerSlug: slugs.includes(former) ? undefined : former, count };
		});
	};
	return { tracks: collect('track'), rooms: collect('room') };
}

/** One cell of a room × time grid: a talk starting in this row, or a free slot. */
export type GridCell = { talk: Talk; rows: number } | { free: true };

export interface TimeGrid {
	rooms: string[];
	/** One row per moment something starts or ends; each row has a cell per room still open. */
	rows: { time: string; cells: { room: string; cell: GridCell }[] }[];
	/** Talks the grid cannot place: without a room or a start, or overlapping another in its room. */
	unplaced: Talk[];
}

/**
 * A day's talks as a room × time table, pretalx's view: rows are the day's start and end times,
 * a talk spans the rows it lasts (`rowspan`), and a room's cell in a row is absent while an
 * earlier talk still covers it. A talk without a duration fills one row.
 */
export function timeGrid(talks: readonly Talk[]): TimeGrid {
	const placed = talks.filter((talk) => talk.data.room && talk.data.start);
	const unplaced = talks.filter((talk) => !talk.data.room || !talk.data.start);
	const rooms = [...new Set(placed.map((talk) => talk.data.room!))].sort(compareRooms);
	const start = (talk: Talk) => clockMinutes(talk.data.start!);
	const boundaries = new Set<number>();
	for (const talk of placed) {
		boundaries.add(start(talk));
		if (talk.data.duration) boundaries.add(start(talk) + talk.data.duration);
	}
	const starts = new Set(placed.map(start));
	const times = [...boundaries].sort((a, b) => a - b);
	// The day's last end opens no row; every start does.
	const rowTimes = times.filter((time, index) => index < times.length - 1 || starts.has(time));
	const rowOf = new Map(rowTimes.map((time, index) => [time, index]));
	const rows: TimeGrid['rows'] = rowTimes.map((time) => ({ time: clockText(time), cells: [] }));
	for (const room of rooms) {
		const roomTalks = placed.filter((talk) => talk.data.room === room).sort((a, b) => start(a) - start(b));
		let row = 0;
		for (const talk of roomTalks) {
			const first = rowOf.get(start(talk))!;
			// A talk overlapping the room's previous one (a data error) is listed under the grid instead.
			if (first < row) {
				unplaced.push(talk);
				continue;
			}
			for (; row < first; row++) rows[row]!.cells.push({ room, cell: { free: true } });
			const end = talk.data.duration ? (rowOf.get(start(talk) + talk.data.duration) ?? rows.length) : first + 1;
			const span = Math.max(1, Math.min(end, rows.length) - first);
			rows[first]!.cells.push({ room, cell: { talk, rows: span } });
			row = first + span;
		}
		for (; row < rows.length; row++) rows[row]!.cells.push({ room, cell: { free: true } });
	}
	return { rooms, rows, unplaced };
}
