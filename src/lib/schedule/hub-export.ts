import type { Entry, HubIndex } from '#lib/hub/hub-index.ts';
import { talkSessions } from '#lib/view/programme.ts';
import { linkKindLabels } from '#lib/view/labels.ts';
import { linkNotes } from '#lib/content/talk-fields.ts';
import { entryPath } from '#lib/view/urls.ts';
import type { ExportEvent, ExportLink, ExportTalk } from './export-model';
import { icsCalendar, type IcsEntry } from './ics';

/** Our link kinds as C3VOC reference types. */
const referenceTypes: Record<string, string> = { slides: 'slides', article: 'article' };

/** A talk with a day and a start: what an exported programme holds of an event's talks. */
export type SchedulableTalk = Entry<'talks'> & { data: { day: string; start: string } };
export const isSchedulableTalk = (talk: Entry<'talks'>): talk is SchedulableTalk =>
	Boolean(talk.data.day && talk.data.start);

/**
 * Whether a talk has a place in calendars: timed, in an event with a time zone and dates. The
 * one rule behind its `talk.ics`, its event's exports and the talk page's calendar link.
 */
export const hasCalendar = (talk: Entry<'talks'>, event: Entry<'events'>) =>
	isSchedulableTalk(talk) && Boolean(event.data.timezone && event.data.start && event.data.end);

/** Events whose programme can be exported: at least one talk with a place in calendars. */
export function schedulableEvents(hub: HubIndex): Entry<'events'>[] {
	return hub.events.filter((event) =>
		hub.talksOf(event.id).some((talk) => hasCalendar(talk, event)),
	);
}

/** A link's title with what the talk fields add to it (`Slides (licence: CC-BY-SA-4.0)`). */
function exportedLinkTitle(link: SchedulableTalk['data']['links'][number]): string | undefined {
	const notes = linkNotes(link);
	return notes.length
		? `${link.title ?? linkKindLabels[link.kind] ?? 'Link'} (${notes.join('; ')})`
		: link.title;
}

/** A talk as the writers take it: one `ExportTalk` per timed session, the first carrying the schedule's own id and guid. */
function exportTalk(
	talk: SchedulableTalk,
	hub: HubIndex,
	absolute: (path: string) => string,
	body: string | undefined,
): ExportTalk[] {
	const { data } = talk;
	const links: ExportLink[] = [
		...data.links.map((link) => ({
			url: link.url,
			title: exportedLinkTitle(link),
			type: referenceTypes[link.kind] ?? 'web',
		})),
		...(data.recording?.sources ?? []).map((source) => ({
			url: source.url,
			title: 'Recording',
			type: 'media',
		})),
	];
	const first: ExportTalk = {
		id: talk.id,
		title: data.title,
		summary: data.summary,
		description: body?.trim() || undefined,
		day: data.day,
		start: data.start,
		duration: data.duration ?? 0,
		room: data.room,
		track: data.track,
		kind: data.kind,
		language: data.language,
		url: absolute(entryPath('talks', talk.id)),
		speakers: hub
			.getAll(data.speakers)
			.map((person) => ({ name: person.data.name, ...personSourceIn(person, data.event.id) })),
		links,
		sourceId: data.source?.id,
		sourceGuid: data.source?.guid,
		recordingLicence: data.recording?.licence,
		doNotRecord: data.recording?.status === 'not-recorded' || undefined,
		topics: hub.topicsOf(talk).map((topic) => topic.data.name),
	};
	return talkSessions(talk).map((session) =>
		session.index === 0
			? first
			: {
					...first,
					day: session.day!,
					start: session.start!,
					duration: session.duration ?? 0,
					room: session.room,
					session: session.index,
				},
	);
}

/**
 * An event and its timed talks as the schedule writers take them. `absolute` makes a page URL
 * absolute; `bodies` holds the talks' Markdown bodies by id, which become their descriptions
 * (the content cache keeps no bodies: `retainBody: false`).
 */
export function exportEvent(
	event: Entry<'events'>,
	hub: HubIndex,
	absolute: (path: string) => string,
	bodies: ReadonlyMap<string, string> = new Map(),
): ExportEvent {
	return {
		id: event.id,
		title: event.data.title,
		start: event.data.start!,
		end: event.data.end!,
		timeZone: event.data.timezone!,
		dayChange: event.data.dayChange,
		url: absolute(entryPath('events', event.id)),
		venue: event.data.venue,
		city: event.data.city,
		talks: hub
			.talksOf(event.id)
			.filter(isSchedulableTalk)
			.flatMap((talk) => exportTalk(talk, hub, absolute, bodies.get(talk.id))),
	};
}

/**
 * A session's UID in every calendar the hub writes; "My schedule" picks talks out of them by
 * it. A talk's further sessions (`session` 1, 2…) add `#2`, `#3`: no id has a `#`.
 */
export const talkCalendarUid = (talkId: string, host: string, session = 0) =>
	`${talkId.replace(/\//g, '.')}${session ? `#${session + 1}` : ''}@${host}`;

function icsEntry(talk: ExportTalk, event: ExportEvent, host: string): IcsEntry {
	return {
		uid: talkCalendarUid(talk.id, host, talk.session),
		day: talk.day,
		start: talk.start,
		durationMinutes: talk.duration,
		summary: talk.title,
		description: [talk.speakers.map((person) => person.name).join(', '), talk.summary, talk.url]
			.filter(Boolean)
			.join('\n\n'),
		location: [talk.room, event.venue, event.city].filter(Boolean).join(', ') || undefined,
		url: talk.url,
		// iCalendar's categories take several values: the track, then the topics.
		categories:
			talk.track || talk.topics.length
				? [...(talk.track ? [talk.track] : []), ...talk.topics]
				: undefined,
	};
}

/** The event's calendar, or one talk's (every session of it) when `only` is given. */
export function eventCalendar(event: ExportEvent, only?: ExportTalk): string {
	const host = new URL(event.url).host;
	return icsCalendar({
		name: only ? `${only.title} (${event.title})` : event.title,
		timeZone: event.timeZone,
		// Fixed per event so rebuilding unchanged content yields the same file.
		stamp: `${event.start.replace(/-/g, '')}T000000Z`,
		entries: (only ? event.talks.filter((talk) => talk.id === only.id) : event.talks).map((talk) =>
			icsEntry(talk, event, host),
		),
	});
}

/** A person's schedule id and guid as one event's schedule knows them: the first of that edition's ids, the first guid. */
function personSourceIn(person: Entry<'people'>, eventId: string) {
	const { ids, guid } = person.data.source ?? {};
	const id = ids?.[eventId];
	return { id: Array.isArray(id) ? id[0] : id, guid: Array.isArray(guid) ? guid[0] : guid };
}
