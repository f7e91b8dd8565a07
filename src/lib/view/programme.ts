import { slug } from 'github-slugger';
import type { Entry } from '#lib/hub/hub-index.ts';
import { clockMinutes, clockText, conferenceDay } from '#lib/time.ts';
import { trackSlug } from './track-slug';

type Talk = Entry<'talks'>;

/**
 * One time a talk is held. Most talks have one session, their own `day`, `start`, `duration`
 * and `room`; a talk held several times (a workshop run daily) lists the others in `sessions`.
 */
export interface Session {
	talk: Talk;
	/** 0 for the talk's own fields, then 1, 2… for the entries of its `sessions`. */
	index: number;
	/** Its real date and start, in the event's zone. */
	day: string | undefined;
	start: string | undefined;
	duration: number | undefined;
	room: string | undefined;
	/** The programme day it is shown under: `day`, or the day before for a session after midnight (the event's `dayChange`). */
	programmeDay: string | undefined;
}

/**
 * Every session of a talk, the first being the talk's own fields; a session without a room or
 * length takes the talk's. `dayChange` is the event's: a session before it is shown at the
 * end of the previous day.
 */
export function talkSessions(talk: Talk, dayChange?: string): Session[] {
	const { day, start, duration, room, sessions = [] } = talk.data;
	const session = (
		index: number,
		fields: Pick<Session, 'day' | 'start' | 'duration' | 'room'>,
	): Session => ({
		talk,
		index,
		...fields,
		programmeDay: fields.day && conferenceDay(fields.day, fields.start, dayChange),
	});
	return [
		session(0, { day, start, duration, room }),
		...sessions.map((more, index) =>
			session(index + 1, {
				day: more.day,
				start: more.start,
				duration: more.duration ?? duration,
				room: more.room ?? room,
			}),
		),
	];
}

/** Minutes since the start of its programme day: a session at 00:50 of the next date is at 24:50. */
export const programmeMinutes = (session: Session) =>
	clockMinutes(session.start!) + (session.day !== session.programmeDay ? 1440 : 0);

const sessionKey = (session: Session) =>
	`${session.programmeDay ?? '9999-99-99'}T${session.start ? String(programmeMinutes(session)).padStart(4, '0') : '9999'}`;

/**
 * The sessions of an event's talks (already in programme order) in the programme's order: by
 * programme day and time, so a talk after midnight ends the day before; a talk held twice
 * appears twice. Sessions at the same time keep the talks' order.
 */
export function programmeSessions(talks: readonly Talk[], dayChange?: string): Session[] {
	const sessions = talks.flatMap((talk) => talkSessions(talk, dayChange));
	return sessions
		.map((session, order) => ({ session, order }))
		.sort((a, b) => sessionKey(a.session).localeCompare(sessionKey(b.session)) || a.order - b.order)
		.map(({ session }) => session);
}

export interface ProgrammeDay {
	/** `YYYY-MM-DD`, or undefined for sessions whose day is not known. */
	day: string | undefined;
	sessions: Session[];
}

/** Groups sessions (already in programme order) by programme day, undated ones last. */
export function groupSessionsByDay(sessions: readonly Session[]): ProgrammeDay[] {
	const days = new Map<string | undefined, Session[]>();
	for (const session of sessions) {
		const group = days.get(session.programmeDay);
		if (group) group.push(session);
		else days.set(session.programmeDay, [session]);
	}
	return [...days]
		.map(([day, daySessions]) => ({ day, sessions: daySessions }))
		.sort((a, b) => (a.day ?? '\uffff').localeCompare(b.day ?? '\uffff'));
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

/** A room's slug: github-slugger's (`UD2.208 (Decroly)` → `ud2208-decroly`), as it always was. */
export const roomSlug = (room: string) => slug(room);

/** Numbers a slug apart from those taken: two names that slug alike ("C++" and "C") still get pages of their own. */
function distinctSlugs(
	names: readonly string[],
	slugOf: (name: string) => string,
	fallback: string,
): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		let value = slugOf(name) || fallback;
		for (let n = 2; taken.has(value); n++) value = `${slugOf(name) || fallback}-${n}`;
		taken.add(value);
		return value;
	});
}

/**
 * The tracks and rooms of an event's sessions, each by name, with how many sessions it has. A track's
 * slug is `trackSlug`, the one its series track page and the search filter use; a room's is
 * github-slugger's (`UD2.208 (Decroly)` → `ud2208-decroly`), as it always was.
 */
export function programmeFilters(sessions: readonly Session[]): {
	tracks: ProgrammeFilter[];
	rooms: ProgrammeFilter[];
} {
	const collect = (kind: ProgrammeFilter['kind']) => {
		const counts = new Map<string, number>();
		for (const session of sessions) {
			const name = filterValue(session, kind);
			if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
		}
		const named = [...counts].sort(([a], [b]) => compareRooms(a, b));
		const names = named.map(([name]) => name);
		const slugs = distinctSlugs(names, kind === 'track' ? trackSlug : roomSlug, kind);
		const formerSlugs = kind === 'track' ? distinctSlugs(names, slug, kind) : slugs;
		return named.map(([name, count], index): ProgrammeFilter => {
			const former = formerSlugs[index]!;
			return {
				kind,
				name,
				slug: slugs[index]!,
				formerSlug: slugs.includes(former) ? undefined : former,
				count,
			};
		});
	};
	return { tracks: collect('track'), rooms: collect('room') };
}

/** The track or room a session is filed under: the track is its talk's, the room its own. */
export const filterValue = (session: Session, kind: ProgrammeFilter['kind']) =>
	kind === 'room' ? session.room : session.talk.data.track;

/** The grid's time scale: every row is this many minutes, so a session's height follows its length. */
export const gridMinutesPerRow = 5;

/** One cell of a room × time grid: a session starting in this row, or a free stretch; each spans `rows` rows. */
export type GridCell = { session: Session; rows: number } | { free: true; rows: number };

export interface TimeGrid {
	rooms: string[];
	/**
	 * One row per `gridMinutesPerRow` minutes from the day's first start to its last end. A row
	 * has a cell for each room where a session or a free stretch begins; `label` marks the rows that
	 * open a half hour (and the first), which name their time for the rows up to the next label.
	 */
	rows: { time: string; label?: { rows: number }; cells: { room: string; cell: GridCell }[] }[];
	/** Sessions the grid cannot place: without a room or a start, or overlapping another in its room. */
	unplaced: Session[];
}

/**
 * A day's sessions as a room × time table on a time scale, pretalx's view: every row is
 * `gridMinutesPerRow` minutes, a session spans the rows it lasts (one without a duration one),
 * starts and ends between rows are rounded outwards, and free time in a room is one cell.
 * Sessions after midnight continue the day they are listed under (`programmeMinutes`).
 */
export function timeGrid(sessions: readonly Session[]): TimeGrid {
	const step = gridMinutesPerRow;
	const placed = sessions.filter((session) => session.room && session.start);
	const unplaced = sessions.filter((session) => !session.room || !session.start);
	const rooms = [...new Set(placed.map((session) => session.room!))].sort(compareRooms);
	if (!placed.length) return { rooms, rows: [], unplaced };
	const start = programmeMinutes;
	const end = (session: Session) => start(session) + Math.max(session.duration ?? step, 1);
	const first = Math.floor(Math.min(...placed.map(start)) / step) * step;
	const last = Math.ceil(Math.max(...placed.map(end)) / step) * step;
	const rows: TimeGrid['rows'] = Array.from({ length: (last - first) / step }, (_, index) => ({
		time: clockText((first + index * step) % 1440),
		cells: [],
	}));
	// Each half hour names its time, for the rows up to the next one.
	const labelled = rows.flatMap((_, index) =>
		index === 0 || (first + index * step) % 30 === 0 ? [index] : [],
	);
	labelled.forEach(
		(index, position) =>
			(rows[index]!.label = { rows: (labelled[position + 1] ?? rows.length) - index }),
	);
	for (const room of rooms) {
		const roomSessions = placed
			.filter((session) => session.room === room)
			.sort((a, b) => start(a) - start(b));
		let row = 0;
		const free = (until: number) => {
			if (until > row) rows[row]!.cells.push({ room, cell: { free: true, rows: until - row } });
			row = Math.max(row, until);
		};
		for (const session of roomSessions) {
			const firstRow = Math.floor((start(session) - first) / step);
			// A session overlapping the room's previous one (a data error) is listed under the grid instead.
			if (firstRow < row) {
				unplaced.push(session);
				continue;
			}
			free(firstRow);
			const span = Math.max(1, Math.ceil((end(session) - first) / step) - firstRow);
			rows[firstRow]!.cells.push({ room, cell: { session, rows: span } });
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
export function roomNeighbours(
	talks: readonly Talk[],
	talk: Talk,
): { previous?: Talk | undefined; next?: Talk | undefined } {
	const { room, start } = talk.data;
	if (!room || !start) return {};
	const inRoom = talks.filter((other) => other.data.room === room && other.data.start);
	const index = inRoom.indexOf(talk);
	return { previous: inRoom[index - 1], next: inRoom[index + 1] };
}
