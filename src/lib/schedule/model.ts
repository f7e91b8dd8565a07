import { limits } from '#lib/content/limits.ts';
import { isVisibleName } from './people-index';
import { findMarkupLimitProblem } from '#lib/markdown/markup-limits.ts';
import { controlCharacters, formatBytes } from '#lib/content/text-file.ts';

/** A schedule as read from a frab/pretalx export, before time zones are settled. */

export type ScheduleFormat = 'frab-xml' | 'frab-json';

export interface SchedulePerson {
	id?: string | number | undefined;
	guid?: string | undefined;
	name: string;
	/** A biography, as pretalx-style persons inside a frab document give one (HTML in XML, Markdown in JSON). */
	biography?: string | undefined;
}

export interface ScheduleReference {
	url: string;
	title?: string | undefined;
	/** Attachment type as the export names it (`slides`, `paper`...). */
	type?: string | undefined;
}

export interface ScheduleTalk {
	/** Where the talk is in the file, for error messages: `day 2020-02-01, room "Janson", event 9025`. */
	location: string;
	id?: string | number | undefined;
	guid?: string | undefined;
	slug?: string | undefined;
	url?: string | undefined;
	title: string;
	subtitle?: string | undefined;
	/** The `<day date>` it is listed under; talks after midnight stay under the previous day. */
	dayDate: string;
	/** Wall-clock start `HH:MM` as written. */
	start: string;
	/** Full start with offset (`2020-12-14T09:00:00+01:00`) when the export has one. */
	dateTime?: string | undefined;
	durationMinutes: number;
	room?: string | undefined;
	track?: string | undefined;
	type?: string | undefined;
	language?: string | undefined;
	abstract?: string | undefined;
	description?: string | undefined;
	persons: SchedulePerson[];
	links: ScheduleReference[];
	attachments: ScheduleReference[];
	recordingLicence?: string | undefined;
	doNotRecord?: boolean | undefined;
}

export interface ScheduleDay {
	date: string;
	/** Wall-clock time the programme day starts (`04:00`), so earlier talks belong to the next date. */
	dayStart?: string | undefined;
}

export interface Schedule {
	format: ScheduleFormat;
	title: string;
	acronym?: string | undefined;
	start?: string | undefined;
	end?: string | undefined;
	timeZoneName?: string | undefined;
	venue?: string | undefined;
	city?: string | undefined;
	url?: string | undefined;
	days: ScheduleDay[];
	talks: ScheduleTalk[];
	/** What the reader left out and why (a speaker without a name): the import prints each. */
	warnings: ScheduleProblem[];
	/**
	 * Events whose own `<room>` text differs from the `<room name>` they are listed in (which
	 * wins), by the two names, with how many events: the summary gives a line to each pair.
	 */
	roomDisagreements?: { listedIn: string; eventSays: string; events: number }[] | undefined;
}

/** One thing wrong in a schedule: where (`day 2020-02-01, room "Janson", event 9025`) and what. */
export interface ScheduleProblem {
	location: string;
	detail: string;
}

/**
 * A schedule file that cannot be read without guessing: names the file and where, one line per
 * problem, every problem of the file at once.
 */
export class ScheduleError extends Error {
	readonly problems: ScheduleProblem[];
	constructor(
		readonly file: string,
		readonly location: string,
		readonly detail: string,
		more: readonly ScheduleProblem[] = [],
	) {
		const problems = [{ location, detail }, ...more];
		super(problems.map((problem) => `${file}: ${problem.location}: ${problem.detail}`).join('\n'));
		this.name = 'ScheduleError';
		this.problems = problems;
	}

	/** Throws every problem collected, if there is one. */
	static throwAll(file: string, problems: readonly ScheduleProblem[]): void {
		const [first, ...more] = problems;
		if (first) throw new ScheduleError(file, first.location, first.detail, more);
	}
}

/** `00:25`, `01:30:00` or `90` → minutes; undefined when the text is none of these. */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
	if (match)
		return Number(match[1]) * 60 + Number(match[2]) + (Number(match[3] ?? 0) >= 30 ? 1 : 0);
	return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** `9:30`, `09:30`, `09:30:00` → `09:30`; undefined when it is not a time of day. */
export function parseClock(text: string): string | undefined {
	const match = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(text.trim());
	return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}

/** Numeric ids stay numbers (`"9025"` → 9025) so XML and JSON exports of one schedule agree. */
export const scheduleId = (text: string | undefined): string | number | undefined =>
	text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : text;

/**
 * A text field read from a schedule: without control characters (never text; XML 1.0 forbids
 * most), on one line unless it is an abstract or description, and refused past a size limit
 * or, for an abstract or description written in `format`, past the markup limits of
 * `src/lib/markdown/markup-limits.ts`, so one abstract cannot take an import or a build down.
 */
export function scheduleText(
	value: string | undefined,
	field: string,
	location: string,
	problems: ScheduleProblem[],
	kind: 'line' | 'text' = 'line',
	format: 'md' | 'html' = 'md',
): string | undefined {
	if (value === undefined) return undefined;
	const limit = kind === 'text' ? limits.scheduleTextBytes : limits.scheduleFieldBytes;
	const bytes = Buffer.byteLength(value);
	if (bytes > limit) {
		problems.push({
			location,
			detail: `${field} is ${formatBytes(bytes)}; the limit is ${formatBytes(limit)}`,
		});
		return undefined;
	}
	const text = value.replace(controlCharacters, '');
	const overLimit = kind === 'text' ? findMarkupLimitProblem(text, format) : undefined;
	if (overLimit) {
		problems.push({
			location,
			detail: `${field}, line ${overLimit.line} of the text: ${overLimit.message}`,
		});
		return undefined;
	}
	return (kind === 'line' ? text.replace(/\s+/g, ' ') : text).trim() || undefined;
}

/** The conference fields frab XML and JSON name alike, read through `read(name)`. */
export const conferenceFields = (read: (name: string) => string | undefined) => ({
	acronym: read('acronym'),
	start: read('start'),
	end: read('end'),
	timeZoneName: read('time_zone_name'),
});

/**
 * A speaker as a schedule lists them, or nothing with a warning: a name that is empty, blank or
 * only invisible characters names nobody, and a person is never named after an id. Each
 * speaker left out is said, with where and which id, never dropped in silence.
 */
export function schedulePerson(
	fields: {
		name: string | undefined;
		id: string | number | undefined;
		guid: string | undefined;
		biography?: string | undefined;
	},
	field: string,
	location: string,
	problems: ScheduleProblem[],
	warnings: ScheduleProblem[],
): SchedulePerson[] {
	const name = scheduleText(fields.name, field, location, problems);
	const biography = scheduleText(
		fields.biography,
		`${field} biography`,
		location,
		problems,
		'text',
	);
	if (name && isVisibleName(name))
		return [{ id: fields.id, guid: fields.guid, name, ...(biography ? { biography } : {}) }];
	const who = [fields.id !== undefined && `id ${fields.id}`, fields.guid && `guid ${fields.guid}`]
		.filter(Boolean)
		.join(', ');
	const said = name ? 'a name of invisible characters only' : 'no name';
	warnings.push({
		location,
		detail: `a speaker${who ? ` (${who})` : ''} has ${said}; left out of the talk's speakers`,
	});
	return [];
}

export type RoomDisagreement = NonNullable<Schedule['roomDisagreements']>[number];

/** Counts events whose own room text differs from the room they are listed in, by the two names. */
export class RoomDisagreements {
	private readonly pairs = new Map<string, RoomDisagreement>();

	/** Notes an event listed in `listedIn` whose own room says `eventSays` (either may be absent). */
	note(listedIn: string | undefined, eventSays: string | undefined): void {
		if (!listedIn || !eventSays || listedIn === eventSays) return;
		const key = `${listedIn}\n${eventSays}`;
		const known = this.pairs.get(key) ?? { listedIn, eventSays, events: 0 };
		this.pairs.set(key, { ...known, events: known.events + 1 });
	}

	list(): RoomDisagreement[] {
		return [...this.pairs.values()];
	}
}
