/**
 * "My schedule": talks a reader starred, kept in their browser. The star buttons (an inline
 * script) write this shape to localStorage; `/my-schedule/` reads it and builds one calendar
 * from the events' own `schedule.ics` files, so the hub has a single calendar writer.
 */

/** localStorage key; the value is `{ talks: Record<uid, StarredTalk> }`. */
export const myScheduleKey = 'edelweiss-my-schedule';

export interface StarredTalk {
	/** The talk's UID in its event's calendar. */
	uid: string;
	title: string;
	url: string;
	/** ISO date-time of the start, with its offset. */
	start: string;
	/** The day and time as the schedule showed them. */
	when: string;
	where: string;
	event: string;
	/** The event's `schedule.ics`. */
	calendar: string;
}

/** The starred talks in a stored value, in time order; anything unreadable counts as none. */
export function readStarred(stored: string | null): StarredTalk[] {
	let talks: unknown;
	try {
		talks = JSON.parse(stored ?? '{}')?.talks;
	} catch {
		return [];
	}
	if (!talks || typeof talks !== 'object') return [];
	return Object.values(talks as Record<string, StarredTalk>)
		.filter((talk) => talk && typeof talk.uid === 'string' && typeof talk.calendar === 'string')
		.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.title.localeCompare(b.title));
}

const components = (text: string, name: string) =>
	text.match(new RegExp(`BEGIN:${name}\\r?\\n[\\s\\S]*?END:${name}\\r?\\n`, 'g')) ?? [];
/** RFC 5545 folds long lines with CRLF and a space; matching a property needs them unfolded. */
const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');

/**
 * One calendar of the starred talks, from the events' calendars (`ics` texts): their VEVENTs
 * with a starred UID, kept as written, and one VTIMEZONE per zone holding every observance the
 * files give it.
 */
export function myScheduleCalendar(
	calendars: readonly string[],
	uids: ReadonlySet<string>,
): string {
	const zones = new Map<string, Set<string>>();
	const events: string[] = [];
	for (const calendar of calendars) {
		for (const zone of components(calendar, 'VTIMEZONE')) {
			const id = /\nTZID:(.*)\r?\n/.exec(unfold(zone))?.[1]?.trim();
			if (!id) continue;
			const observances = zones.get(id) ?? new Set();
			for (const part of [...components(zone, 'STANDARD'), ...components(zone, 'DAYLIGHT')])
				observances.add(part);
			zones.set(id, observances);
		}
		for (const event of components(calendar, 'VEVENT')) {
			const uid = /\nUID:(.*)\r?\n/.exec(unfold(`\n${event}`))?.[1]?.trim();
			if (uid && uids.has(uid)) events.push(event);
		}
	}
	const crlf = (block: string) => block.replace(/\r?\n/g, '\r\n');
	return [
		'BEGIN:VCALENDAR\r\n',
		'VERSION:2.0\r\n',
		'PRODID:-//Edelweiss//My schedule//EN\r\n',
		'CALSCALE:GREGORIAN\r\n',
		'X-WR-CALNAME:My schedule\r\n',
		...[...zones].map(
			([id, observances]) =>
				`BEGIN:VTIMEZONE\r\nTZID:${id}\r\n${[...observances].map(crlf).join('')}END:VTIMEZONE\r\n`,
		),
		...events.map(crlf),
		'END:VCALENDAR\r\n',
	].join('');
}
