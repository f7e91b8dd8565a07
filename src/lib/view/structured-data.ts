import type { Article, Event, Person, VideoObject, WithContext } from 'schema-dts';
import { addMinutes, nextDate, zonedDateTime } from '#lib/time.ts';
import type { Entry, HubIndex } from '#lib/hub/hub-index.ts';
import { recordingStatus, recordingView } from './recordings';
import { entryPath } from './urls';

/**
 * schema.org descriptions of the hub's pages, as JSON-LD: events with their talks as
 * sub-events, talks with their recordings, people, and recaps and notes as articles. Typed with
 * `schema-dts`, so a property schema.org does not define fails type-checking; the build tests
 * check the emitted JSON against the same types.
 */

/** Makes a site path (without the base) a whole URL, as JSON-LD consumers need. */
export type Absolute = (path: string) => string;

const context = 'https://schema.org' as const;

const personRef = (person: Entry<'people'>, absolute: Absolute): Person => ({
	'@type': 'Person',
	name: person.data.name,
	url: absolute(entryPath('people', person.id)),
});

const attendanceModes = {
	virtual: 'https://schema.org/OnlineEventAttendanceMode',
	'in-person': 'https://schema.org/OfflineEventAttendanceMode',
	hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/** When a talk starts and ends: zoned date-times when timed, else its day. */
function talkTimes(
	talk: Entry<'talks'>,
	timeZone: string | undefined,
): { startDate?: string; endDate?: string } {
	const { day, start, duration } = talk.data;
	if (!day) return {};
	if (!start || !timeZone) return { startDate: day };
	const end = duration ? addMinutes(start, duration) : undefined;
	// A talk running past midnight ends on the next day.
	const endDay = end && end < start ? nextDate(day) : day;
	return {
		startDate: zonedDateTime(day, start, timeZone),
		...(end ? { endDate: zonedDateTime(endDay, end, timeZone) } : {}),
	};
}

/** A talk's recording as a VideoObject: its files as content, its hosted player as embed. */
export function recordingJsonLd(talk: Entry<'talks'>): VideoObject | undefined {
	const recording = talk.data.recording;
	if (!recording || recordingStatus(recording) !== 'available') return undefined;
	const views = recording.sources.map(recordingView);
	const file = views.find((view) => view.kind === 'video');
	const player = views.find((view) => view.kind === 'player');
	const page = views.find((view) => view.kind !== 'video');
	return {
		'@type': 'VideoObject',
		name: talk.data.title,
		...(talk.data.summary ? { description: talk.data.summary } : {}),
		...(file ? { contentUrl: file.url } : {}),
		...(file?.type ? { encodingFormat: file.type } : {}),
		...(player ? { embedUrl: player.embedUrl } : {}),
		...(page ? { url: page.url } : {}),
		...(recording.licence ? { license: recording.licence } : {}),
	};
}

/** A talk as an Event: when, where, who, and its recording. */
function talkEvent(talk: Entry<'talks'>, hub: HubIndex, absolute: Absolute): Event {
	const event = hub.get(talk.data.event);
	const video = recordingJsonLd(talk);
	return {
		'@type': 'Event',
		name: talk.data.title,
		url: absolute(entryPath('talks', talk.id)),
		...(talk.data.summary ? { description: talk.data.summary } : {}),
		...talkTimes(talk, event.data.timezone),
		...(talk.data.room ? { location: { '@type': 'Place', name: talk.data.room } } : {}),
		...(talk.data.language ? { inLanguage: talk.data.language } : {}),
		performer: hub.getAll(talk.data.speakers).map((person) => personRef(person, absolute)),
		...(video ? { recordedIn: video } : {}),
	};
}

/** A talk's page: the talk, part of its event. */
export function talkJsonLd(
	talk: Entry<'talks'>,
	hub: HubIndex,
	absolute: Absolute,
): WithContext<Event> {
	const event = hub.get(talk.data.event);
	return {
		'@context': context,
		...talkEvent(talk, hub, absolute),
		superEvent: {
			'@type': 'Event',
			name: event.data.title,
			url: absolute(entryPath('events', event.id)),
		},
	};
}

/** An event's page: the event, its place, organisers and every talk as a sub-event. */
export function eventJsonLd(
	event: Entry<'events'>,
	hub: HubIndex,
	absolute: Absolute,
): WithContext<Event> {
	const data = event.data;
	const place = [data.venue, data.city, data.country].filter(Boolean);
	return {
		'@context': context,
		'@type': 'Event',
		name: data.title,
		url: absolute(entryPath('events', event.id)),
		...(data.summary ? { description: data.summary } : {}),
		...(data.start ? { startDate: data.start } : {}),
		...(data.end ? { endDate: data.end } : {}),
		eventStatus:
			data.status === 'cancelled'
				? 'https://schema.org/EventCancelled'
				: 'https://schema.org/EventScheduled',
		...(data.format ? { eventAttendanceMode: attendanceModes[data.format] } : {}),
		...(place.length
			? {
					location: {
						'@type': 'Place',
						name: data.venue ?? place.join(', '),
						address: place.join(', '),
					},
				}
			: data.platform
				? {
						location: {
							'@type': 'VirtualLocation',
							name: data.platform,
							...(data.website ? { url: data.website } : {}),
						},
					}
				: {}),
		...(data.website ? { sameAs: data.website } : {}),
		organizer: hub.getAll(data.organisers).map((person) => personRef(person, absolute)),
		subEvent: hub.talksOf(event.id).map((talk) => talkEvent(talk, hub, absolute)),
	};
}

/** A person's page. */
export function personJsonLd(person: Entry<'people'>, absolute: Absolute): WithContext<Person> {
	const { name, handles, affiliations, links } = person.data;
	return {
		'@context': context,
		'@type': 'Person',
		name,
		url: absolute(entryPath('people', person.id)),
		...(handles.length ? { alternateName: handles } : {}),
		...(affiliations.length
			? {
					affiliation: affiliations.map((affiliation) => ({
						'@type': 'Organization' as const,
						name: affiliation,
					})),
				}
			: {}),
		...(links.length ? { sameAs: links.map((link) => link.url) } : {}),
	};
}

/** A recap or a note as an Article; a recap is about its event. */
export function articleJsonLd(
	entry: Entry<'recaps'> | Entry<'notes'>,
	hub: HubIndex,
	absolute: Absolute,
): WithContext<Article> {
	const { title, summary, published, updated, author, tags } = entry.data;
	const about = entry.collection === 'recaps' ? hub.get(entry.data.event) : undefined;
	return {
		'@context': context,
		'@type': 'Article',
		headline: title,
		url: absolute(entryPath(entry.collection, entry.id)),
		...(summary ? { description: summary } : {}),
		...(published ? { datePublished: published } : {}),
		...(updated ? { dateModified: updated } : {}),
		...(author ? { author: personRef(hub.get(author), absolute) } : {}),
		...(tags.length ? { keywords: tags.join(', ') } : {}),
		...(about
			? {
					about: {
						'@type': 'Event',
						name: about.data.title,
						url: absolute(entryPath('events', about.id)),
					},
				}
			: {}),
	};
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export const jsonLdText = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c');
