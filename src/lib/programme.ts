import { slug } from 'github-slugger';
import type { Entry } from './hub-index';
import { clockMinutes, clockText, conferenceDay } from './time';

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
	const session = (index: number, fields: Pick<Session, 'day' | 'start' | 'duration' | 'room'>): Session => ({
		talk,
		index,
		...fields,
		programmeDay: fields.day && conferenceDay(fields.day, fields.start, dayChange),
	});
	return [
		session(0, { day, start, duration, room }),
		...sessions.map((more, index) => session(index + 1, { day: more.day, start: more.start, duration: more.duration ?? duration, room: more.room ?? room })),
	];
}

/** Minutes since the start of its programme day: a session at 00:50 of the next date is at 24:50. */
export const programmeMinutes = (session: Session) => clockMinutes(session.start!) + (session.day !== session.programmeDay ? 1440 : 0);

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
	return [...days].map(([day, daySessions]) => ({ day, sessions: daySessions })).sort((a, b) => (a.day ?? '\uffff').localeCompare(b.day ?? '\uffff'));
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

/** The tracks and rooms of an event's sessions, each by name, with how many sessions it has. */
export function programmeFilters(sessions: readonly Session[]): { tracks: ProgrammeFilter[]; rooms: ProgrammeFilter[] } {
	const collect = (kind: ProgrammeFilter['kind']) => {
		const counts = new Map<string, number>();
		for (const session of sessions) {
			const name = filterValue(session, kind);
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

/** The track or room a session is filed under: the track is its talk's, the room its own. */
export const filterValue = (session: Session, kind: ProgrammeFilter['kind']) => (kind === 'room' ? session.room : session.talk.data.track);

/** One cell of a room × time grid: a session starting in this row, or a free slot. */
export type GridCell = { session: Session; rows: number } | { free: true };

export interface TimeGrid {
	rooms: string[];
	/** One row per moment something starts or ends; each row has a cell per room still open. */
	rows: { time: string; cells: { room: string; cell: GridCell }[] }[];
	/** Sessions the grid cannot place: without a room or a start, or overlapping another in its room. */
	unplaced: Session[];
}

/**
 * A day's sessions as a room × time table, pretalx's view: rows are the day's start and end
 * times, a session spans the rows it lasts (`rowspan`), and a room's cell in a row is absent
 * while an earlier session still covers it. A session without a duration fills one row.
 */
export function timeGrid(sessions: readonly Session[]): TimeGrid {
	const placed = sessions.filter((session) => session.room && session.start);
	const unplaced = sessions.filter((session) => !session.room || !session.start);
	const rooms = [...new Set(placed.map((session) => session.room!))].sort(compareRooms);
	const start = programmeMinutes;
	const boundaries = new Set<number>();
	for (const session of placed) {
		boundaries.add(start(session));
		if (session.duration) boundaries.add(start(session) + session.duration);
	}
	const starts = new Set(placed.map(start));
	const times = [...boundaries].sort((a, b) => a - b);
	// The day's last end opens no row; every start does.
	const rowTimes = times.filter((time, index) => index < times.length - 1 || starts.has(time));
	const rowOf = new Map(rowTimes.map((time, index) => [time, index]));
	const rows: TimeGrid['rows'] = rowTimes.map((time) => ({ time: clockText(time % 1440), cells: [] }));
	for (const room of rooms) {
		const roomSessions = placed.filter((session) => session.room === room).sort((a, b) => start(a) - start(b));
		let row = 0;
		for (const session of roomSessions) {
			const first = rowOf.get(start(session))!;
			// A session overlapping the room's previous one (a data error) is listed under the grid instead.
			if (first < row) {
				unplaced.push(session);
				continue;
			}
			for (; row < first; row++) rows[row]!.cells.push({ room, cell: { free: true } });
			const end = session.duration ? (rowOf.get(start(session) + session.duration) ?? rows.length) : first + 1;
			const span = Math.max(1, Math.min(end, rows.length) - first);
			rows[first]!.cells.push({ room, cell: { session, rows: span } });
			row = first + span;
		}
		for (; row < rows.length; row++) rows[row]!.cells.push({ room, cell: { free: true } });
	}
	return { rooms, rows, unplaced };
}
