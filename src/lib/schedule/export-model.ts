import { createHash } from 'node:crypto';
import { addMinutes, conferenceDay, nextDate, zonedDateTime } from '#lib/time.ts';

/** An event's programme in the shape the schedule writers need, built from hub entries. */
export interface ExportEvent {
	id: string;
	title: string;
	start: string;
	end: string;
	timeZone: string;
	/** The hour the programme's day changes: a talk before it is listed under the day before. */
	dayChange?: string | undefined;
	/** Absolute URL of the event page. */
	url: string;
	venue?: string | undefined;
	city?: string | undefined;
	talks: ExportTalk[];
}

export interface ExportPerson {
	name: string;
	id?: string | number | undefined;
	guid?: string | undefined;
}

export interface ExportLink {
	url: string;
	title?: string | undefined;
	/** C3VOC reference type: slides, article, media, web... */
	type: string;
}

export interface ExportTalk {
	id: string;
	title: string;
	subtitle?: string | undefined;
	summary?: string | undefined;
	description?: string | undefined;
	day: string;
	start: string;
	duration: number;
	room?: string | undefined;
	track?: string | undefined;
	kind: string;
	language?: string | undefined;
	/** Absolute URL of the talk page. */
	url: string;
	speakers: ExportPerson[];
	links: ExportLink[];
	sourceId?: string | number | undefined;
	sourceGuid?: string | undefined;
	recordingLicence?: string | undefined;
	doNotRecord?: boolean | undefined;
	/**
	 * Set on a talk's further sessions (1, 2…), which the writers list as events of their own:
	 * the C3VOC formats want every event's guid, id and slug unique.
	 */
	session?: number | undefined;
	/** The names of the talk's topics, named or matched (docs/topics.md). */
	topics: string[];
}

const uuidPattern = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

/** A name-based UUID (version 5 layout over SHA-1), so a talk keeps its guid across builds. */
export function stableUuid(name: string): string {
	const bytes = createHash('sha1').update(`edelweiss:${name}`).digest().subarray(0, 16);
	bytes[6] = (bytes[6]! & 0x0f) | 0x50;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A session's key within the event: the talk's id, with `#2`, `#3` for its further sessions. */
const sessionKey = (talk: ExportTalk) =>
	talk.session ? `${talk.id}#${talk.session + 1}` : talk.id;

export const talkGuid = (talk: ExportTalk) =>
	!talk.session && talk.sourceGuid && uuidPattern.test(talk.sourceGuid)
		? talk.sourceGuid
		: stableUuid(`talk:${sessionKey(talk)}`);

/**
 * Positive integer ids, unique within the event: the schedule's own where it has one, else a
 * number derived from the talk's id (the same on every build).
 */
export function talkNumbers(talks: readonly ExportTalk[]): Map<ExportTalk, number> {
	const numbers = new Map<ExportTalk, number>();
	const used = new Set<number>();
	const ownNumber = (talk: ExportTalk) =>
		!talk.session && typeof talk.sourceId === 'number' && talk.sourceId > 0;
	const sorted = [...talks].sort((a, b) => Number(ownNumber(b)) - Number(ownNumber(a)));
	for (const talk of sorted) {
		let number = ownNumber(talk)
			? (talk.sourceId as number)
			: Number.parseInt(createHash('sha1').update(sessionKey(talk)).digest('hex').slice(0, 7), 16) +
				1;
		while (used.has(number)) number++;
		used.add(number);
		numbers.set(talk, number);
	}
	return numbers;
}

/** `fosdem-2020` → `fosdem_2020`: C3VOC acronyms allow no inner hyphen and need four characters. */
export const scheduleAcronym = (eventId: string) =>
	eventId
		.replace(/[^a-z0-9_]/gi, '_')
		.toLowerCase()
		.padEnd(4, '_');

export function talkSlug(acronym: string, number: number, talk: ExportTalk): string {
	const leaf = `${talk.id.split('/').at(-1) ?? ''}${talk.session ? `-${talk.session + 1}` : ''}`
		.replace(/[^a-z0-9-]/g, '')
		.replace(/^[-_]+|[-_]+$/g, '');
	return `${acronym}-${number}${leaf ? `-${leaf}` : ''}`;
}

export interface ExportDay {
	index: number;
	date: string;
	/** The day's bounds with offsets, as the formats require. */
	start: string;
	end: string;
	rooms: { name: string; talks: ExportTalk[] }[];
}

/**
 * Every day from the event's start to end, its talks by room in time order. As frab does, a
 * talk after midnight (before the event's `dayChange`) is listed under the day before, whose
 * bounds run from the day change to the next one.
 */
export function exportDays(event: ExportEvent): ExportDay[] {
	const days: ExportDay[] = [];
	const dayChange = event.dayChange ?? '00:00';
	for (let date = event.start, index = 1; date <= event.end; date = nextDate(date), index++) {
		const talks = event.talks
			.filter((talk) => conferenceDay(talk.day, talk.start, event.dayChange) === date)
			.sort(
				(a, b) =>
					`${a.day}T${a.start}`.localeCompare(`${b.day}T${b.start}`) ||
					a.title.localeCompare(b.title),
			);
		const rooms = new Map<string, ExportTalk[]>();
		for (const talk of talks) {
			const room = talk.room ?? 'Other';
			rooms.set(room, [...(rooms.get(room) ?? []), talk]);
		}
		days.push({
			index,
			date,
			start: zonedDateTime(date, dayChange, event.timeZone),
			end: event.dayChange
				? zonedDateTime(nextDate(date), addMinutes(dayChange, -1), event.timeZone)
				: zonedDateTime(date, '23:59', event.timeZone),
			rooms: [...rooms].map(([name, roomTalks]) => ({ name, talks: roomTalks })),
		});
	}
	return days;
}

export const talkStart = (talk: ExportTalk, timeZone: string) =>
	zonedDateTime(talk.day, talk.start, timeZone);
