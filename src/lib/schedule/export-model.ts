import { createHash } from 'node:crypto';
import { nextDate, zonedDateTime } from '../time';

/** An event's programme in the shape the schedule writers need, built from hub entries. */
export interface ExportEvent {
	id: string;
	title: string;
	start: string;
	end: string;
	timeZone: string;
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

export const talkGuid = (talk: ExportTalk) => (talk.sourceGuid && uuidPattern.test(talk.sourceGuid) ? talk.sourceGuid : stableUuid(`talk:${talk.id}`));

/**
 * Positive integer ids, unique within the event: the schedule's own where it has one, else a
 * number derived from the talk's id (the same on every build).
 */
export function talkNumbers(talks: readonly ExportTalk[]): Map<ExportTalk, number> {
	const numbers = new Map<ExportTalk, number>();
	const used = new Set<number>();
	const sorted = [...talks].sort((a, b) => Number(typeof b.sourceId === 'number') - Number(typeof a.sourceId === 'number'));
	for (const talk of sorted) {
		let number =
			typeof talk.sourceId === 'number' && talk.sourceId > 0
				? talk.sourceId
				: Number.parseInt(createHash('sha1').update(talk.id).digest('hex').slice(0, 7), 16) + 1;
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
	const leaf = (talk.id.split('/').at(-1) ?? '').replace(/[^a-z0-9-]/g, '').replace(/^[-_]+|[-_]+$/g, '');
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

/** Every day from the event's start to end, its talks by room in start order. */
export function exportDays(event: ExportEvent): ExportDay[] {
	const days: ExportDay[] = [];
	for (let date = event.start, index = 1; date <= event.end; date = nextDate(date), index++) {
		const talks = event.talks.filter((talk) => talk.day === date).sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
		const rooms = new Map<string, ExportTalk[]>();
		for (const talk of talks) {
			const room = talk.room ?? 'Other';
			rooms.set(room, [...(rooms.get(room) ?? []), talk]);
		}
		days.push({
			index,
			date,
			start: zonedDateTime(date, '00:00', event.timeZone),
			end: zonedDateTime(date, '23:59', event.timeZone),
			rooms: [...rooms].map(([name, roomTalks]) => ({ name, talks: roomTalks })),
		});
	}
	return days;
}

export const talkStart = (talk: ExportTalk, timeZone: string) => zonedDateTime(talk.day, talk.start, timeZone);
