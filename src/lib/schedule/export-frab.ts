import { clockText } from '#lib/time.ts';
import { xmlDocument, type XmlElement } from '#lib/xml.ts';
import {
	exportDays,
	scheduleAcronym,
	stableUuid,
	talkGuid,
	talkNumbers,
	talkSlug,
	talkStart,
	type ExportEvent,
	type ExportTalk,
} from './export-model';

const generator = { name: 'edelweiss', version: '0.1.0' };
const isHttp = (url: string | undefined): url is string => Boolean(url && /^https?:\/\//.test(url));
/** The C3VOC schema only takes `Area/City` names (and UTC); others are left out. */
const vocTimeZone = (timeZone: string) =>
	/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(timeZone) ? timeZone : undefined;
const vocUuid = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

interface Numbered {
	acronym: string;
	numbers: Map<ExportTalk, number>;
}
const numbering = (event: ExportEvent): Numbered => ({
	acronym: scheduleAcronym(event.id),
	numbers: talkNumbers(event.talks),
});

/** A frab-style `schedule.xml` that validates against the C3VOC XSD. */
export function frabXml(event: ExportEvent, scheduleUrl: string): string {
	const { acronym, numbers } = numbering(event);
	const timeZone = vocTimeZone(event.timeZone);
	const days = exportDays(event);
	return xmlDocument({
		schedule: {
			generator: { '@name': generator.name, '@version': generator.version },
			url: isHttp(scheduleUrl) ? scheduleUrl : undefined,
			version: event.start,
			conference: {
				title: event.title,
				acronym,
				start: event.start,
				end: event.end,
				days: days.length,
				timeslot_duration: '00:05',
				url: isHttp(event.url) ? event.url : undefined,
				time_zone_name: timeZone,
			},
			day: days.map((day) => ({
				'@index': day.index,
				'@date': day.date,
				'@start': day.start,
				'@end': day.end,
				room: day.rooms.map((room) => ({
					'@name': room.name,
					event: room.talks.map((talk) =>
						talkXml(talk, room.name, event.timeZone, acronym, numbers.get(talk)!),
					),
				})),
			})),
		},
	});
}

function talkXml(
	talk: ExportTalk,
	room: string,
	timeZone: string,
	acronym: string,
	number: number,
): XmlElement {
	const slug = talkSlug(acronym, number, talk);
	return {
		'@id': number,
		'@guid': talkGuid(talk),
		room,
		title: talk.title,
		// Empty elements stand for none; the XSD requires abstract and track.
		subtitle: talk.subtitle ?? '',
		type: talk.kind,
		date: talkStart(talk, timeZone),
		start: talk.start,
		duration: clockText(talk.duration),
		abstract: talk.summary ?? '',
		slug: /^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/.test(slug) ? slug : undefined,
		track: talk.track ?? '',
		language: talk.language,
		description: talk.description ?? '',
		recording:
			talk.recordingLicence || talk.doNotRecord
				? { license: talk.recordingLicence ?? '', optout: String(Boolean(talk.doNotRecord)) }
				: undefined,
		persons: {
			person: talk.speakers.map((person) => ({
				'#text': person.name,
				'@id': typeof person.id === 'number' ? person.id : undefined,
				'@guid': person.guid && vocUuid.test(person.guid) ? person.guid : undefined,
			})),
		},
		links: {
			link: talk.links.map((link) => ({
				'#text': link.title ?? link.url,
				'@href': link.url,
				'@type': link.type,
			})),
		},
		url: isHttp(talk.url) ? talk.url : undefined,
	};
}

/** A frab/pretalx-style `schedule.json` that validates against the C3VOC JSON schema. */
export function frabJson(event: ExportEvent, scheduleUrl: string): string {
	const { acronym, numbers } = numbering(event);
	const days = exportDays(event);
	const rooms = [...new Set(days.flatMap((day) => day.rooms.map((room) => room.name)))];
	// C3VOC has keywords for a whole conference only (none per talk, none in schedule.xml): the topics of its talks.
	const keywords = [...new Set(event.talks.flatMap((talk) => talk.topics))].sort((a, b) =>
		a.localeCompare(b),
	);
	const document = {
		$schema: 'https://c3voc.de/schedule/schema.json',
		generator,
		schedule: {
			...(isHttp(scheduleUrl) ? { url: scheduleUrl } : {}),
			version: event.start,
			base_url: event.url,
			conference: {
				acronym,
				title: event.title,
				start: event.start,
				end: event.end,
				daysCount: days.length,
				timeslot_duration: '00:05',
				...(vocTimeZone(event.timeZone) ? { time_zone_name: event.timeZone } : {}),
				...(keywords.length ? { keywords } : {}),
				url: event.url,
				rooms: rooms.map((name) => ({ name, guid: stableUuid(`room:${event.id}/${name}`) })),
				days: days.map((day) => ({
					index: day.index,
					date: day.date,
					day_start: day.start,
					day_end: day.end,
					rooms: Object.fromEntries(
						day.rooms.map((room) => [
							room.name,
							room.talks.map((talk) =>
								talkJson(talk, room.name, event.timeZone, acronym, numbers.get(talk)!),
							),
						]),
					),
				})),
			},
		},
	};
	return `${JSON.stringify(document, null, '\t')}\n`;
}

function talkJson(
	talk: ExportTalk,
	room: string,
	timeZone: string,
	acronym: string,
	number: number,
) {
	return {
		guid: talkGuid(talk),
		id: number,
		date: talkStart(talk, timeZone),
		start: talk.start,
		duration: clockText(talk.duration),
		room,
		slug: talkSlug(acronym, number, talk),
		url: talk.url,
		title: talk.title,
		subtitle: talk.subtitle ?? null,
		track: talk.track ?? null,
		type: talk.kind,
		language: talk.language ?? null,
		abstract: talk.summary ?? null,
		description: talk.description ?? null,
		...(talk.recordingLicence ? { recording_license: talk.recordingLicence } : {}),
		do_not_record: talk.doNotRecord ?? false,
		persons: talk.speakers.map((person) => ({
			name: person.name,
			...(person.guid && vocUuid.test(person.guid) ? { guid: person.guid } : {}),
		})),
		links: talk.links.map((link) => ({
			type: link.type,
			url: link.url,
			...(link.title ? { title: link.title } : {}),
		})),
	};
}
