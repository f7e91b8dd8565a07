import { formatOffset, offsetMinutes } from '#lib/time.ts';

/** One calendar entry; times are wall-clock in the calendar's zone. */
export interface IcsEntry {
	uid: string;
	day: string;
	/** `HH:MM`; without it the entry lasts the whole day. */
	start?: string | undefined;
	durationMinutes?: number | undefined;
	summary: string;
	description?: string | undefined;
	location?: string | undefined;
	url?: string | undefined;
	categories?: string[] | undefined;
}

export interface IcsCalendar {
	name: string;
	timeZone: string;
	/** DTSTAMP of every entry: fixed per calendar, so the same content gives the same file. */
	stamp: string;
	entries: IcsEntry[];
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines. */
export const escapeText = (text: string) =>
	text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** A code point's length in UTF-8, without encoding it: a `TextEncoder` per character was most of an export's time. */
const utf8Length = (codePoint: number) =>
	codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = utf8Length(char.codePointAt(0)!);
		// Continuation lines start with a space, which counts towards their 75.
		if (octets + size > (parts.length ? 74 : 75)) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const compactDate = (day: string) => day.replace(/-/g, '');
const compactDateTime = (day: string, time: string) =>
	`${compactDate(day)}T${time.replace(':', '')}00`;

/**
 * A VTIMEZONE for `timeZone` from the runtime's IANA data: every offset change from the year
 * before `fromYear` to the end of `toYear`, as explicit observances (no RRULE to get wrong).
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
	const begin = Date.UTC(fromYear - 1, 0, 1);
	const finish = Date.UTC(toYear + 1, 0, 1);
	const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number) => [
		`BEGIN:${kind}`,
		`DTSTART:${start}`,
		`TZOFFSETFROM:${formatOffset(from, '')}`,
		`TZOFFSETTO:${formatOffset(to, '')}`,
		`END:${kind}`,
	];
	const initial = offsetMinutes(begin, timeZone);
	let previous = initial;
	const changes: { at: number; from: number; to: number }[] = [];
	for (let day = begin; day < finish; day += 86_400_000) {
		const next = offsetMinutes(day + 86_400_000, timeZone);
		if (next === previous) continue;
		// Narrow the change down to the minute.
		let low = day;
		let high = day + 86_400_000;
		while (high - low > 60_000) {
			const middle = low + Math.floor((high - low) / 120_000) * 60_000;
			if (offsetMinutes(middle, timeZone) === previous) low = middle;
			else high = middle;
		}
		changes.push({ at: high, from: previous, to: next });
		previous = next;
	}
	const standard = Math.min(initial, ...changes.map((change) => change.to));
	const observances = changes.length
		? changes.flatMap((change) =>
				observance(
					change.to > standard ? 'DAYLIGHT' : 'STANDARD',
					shiftedStart(change.at, change.from),
					change.from,
					change.to,
				),
			)
		: observance('STANDARD', '19700101T000000', initial, initial);
	return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observances, 'END:VTIMEZONE'];
}

/** The wall-clock moment of a change as written in the offset that was in force before it. */
function shiftedStart(at: number, from: number): string {
	const local = new Date(at + from * 60_000).toISOString();
	return `${local.slice(0, 10).replace(/-/g, '')}T${local.slice(11, 19).replace(/:/g, '')}`;
}

/**
 * `vtimezone` once per zone and years: it scans every day of the years for offset changes,
 * about 20 ms, and a hub with timed talks writes one calendar per talk (docs/benchmarks.md).
 */
const vtimezones = new Map<string, string[]>();
function cachedVtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
	const key = `${timeZone} ${fromYear} ${toYear}`;
	let lines = vtimezones.get(key);
	if (!lines) vtimezones.set(key, (lines = vtimezone(timeZone, fromYear, toYear)));
	return lines;
}

/** An RFC 5545 calendar: CRLF line ends, folded lines, TZID times with their VTIMEZONE. */
export function icsCalendar(calendar: IcsCalendar): string {
	const years = calendar.entries.map((entry) => Number(entry.day.slice(0, 4)));
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Edelweiss//Schedule export//EN',
		'CALSCALE:GREGORIAN',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`X-WR-TIMEZONE:${calendar.timeZone}`,
		...(years.length
			? cachedVtimezone(calendar.timeZone, Math.min(...years), Math.max(...years))
			: []),
	];
	for (const entry of calendar.entries) {
		lines.push('BEGIN:VEVENT', `UID:${entry.uid}`, `DTSTAMP:${calendar.stamp}`);
		if (entry.start) {
			lines.push(`DTSTART;TZID=${calendar.timeZone}:${compactDateTime(entry.day, entry.start)}`);
			if (entry.durationMinutes) lines.push(`DURATION:PT${entry.durationMinutes}M`);
		} else {
			lines.push(`DTSTART;VALUE=DATE:${compactDate(entry.day)}`);
		}
		lines.push(`SUMMARY:${escapeText(entry.summary)}`);
		if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
		if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
		if (entry.categories?.length)
			lines.push(`CATEGORIES:${entry.categories.map(escapeText).join(',')}`);
		if (entry.url) lines.push(`URL:${entry.url}`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
