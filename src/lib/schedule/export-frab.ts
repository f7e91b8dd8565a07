import { clockText } from '../time';
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
const vocTimeZone = (timeZone: string) => (/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(timeZone) ? timeZone : undefined);
const vocUuid = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

interface Numbered {
	acronym: string;
	numbers: Map<ExportTalk, number>;
}
const numbering = (event: ExportEvent): Numbered => ({ acronym: scheduleAcronym(event.id), numbers: talkNumbers(event.talks) });

const escapeXml = (text: string) =>
	text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
const element = (name: string, value: string | number | undefined, attributes = '') =>
	value === undefined || value === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${escapeXml(String(value))}</${name}>`;

/** A frab-style `schedule.xml` that validates against the C3VOC XSD. */
export function frabXml(event: ExportEvent, scheduleUrl: string): string {
	const { acronym, numbers } = numbering(event);
	const timeZone = vocTimeZone(event.timeZone);
	const days = exportDays(event);
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<schedule>',
		`  <generator name="${generator.name}" version="${generator.version}"/>`,
		isHttp(scheduleUrl) ? `  ${element('url', scheduleUrl)}` : '',
		`  ${element('version', event.start)}`,
		'  <conference>',
		`    ${element('title', event.title)}`,
		`    ${element('acronym', acronym)}`,
		`    ${element('start', event.start)}`,
		`    ${element('end', event.end)}`,
		`    ${element('days', days.length)}`,
		'    <timeslot_duration>00:05</timeslot_duration>',
		isHttp(event.url) ? `    ${element('url', event.url)}` : '',
		timeZone ? `    ${element('time_zone_name', timeZone)}` : '',
		'  </conference>',
	];
	for (const day of days) {
		lines.push(`  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">`);
		for (const room of day.rooms) {
			lines.push(`    <room name="${escapeXml(room.name)}">`);
			for (const talk of room.talks) lines.push(talkXml(talk, room.name, event.timeZone, acronym, numbers.get(talk)!));
			lines.push('    </room>');
		}
		lines.push('  </day>');
	}
	lines.push('</schedule>', '');
	return lines.filter((line) => line !== '').join('\n');
}

function talkXml(talk: ExportTalk, room: string, timeZone: string, acronym: string, number: number): string {
	const slug = talkSlug(acronym, number, talk);
	const persons = talk.speakers.map((person) => {
		const id = typeof person.id === 'number' ? ` id="${person.id}"` : '';
		const guid = person.guid && vocUuid.test(person.guid) ? ` guid="${person.guid}"` : '';
		return `        ${element('person', person.name, `${id}${guid}`)}`;
	});
	const links = talk.links.map((link) => `        ${element('link', link.title ?? link.url, ` href="${escapeXml(link.url)}" type="${link.type}"`)}`);
	return [
		`      <event id="${number}" guid="${talkGuid(talk)}">`,
		`        ${element('room', room)}`,
		`        ${element('title', talk.title)}`,
		`        ${element('subtitle', talk.subtitle)}`,
		`        ${element('type', talk.kind)}`,
		`        ${element('date', talkStart(talk, timeZone))}`,
		`        ${element('start', talk.start)}`,
		`        ${element('duration', clockText(talk.duration))}`,
		`        ${element('abstract', talk.summary)}`,
		/^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/.test(slug) ? `        ${element('slug', slug)}` : '',
		`        ${element('track', talk.track)}`,
		talk.language ? `        ${element('language', talk.language)}` : '',
		`        ${element('description', talk.description)}`,
		talk.recordingLicence || talk.doNotRecord
			? `        <recording>${element('license', talk.recordingLicence)}${element('optout', String(Boolean(talk.doNotRecord)))}</recording>`
			: '',
		persons.length ? ['        <persons>', ...persons, '        </persons>'].join('\n') : '        <persons/>',
		links.length ? ['        <links>', ...links, '        </links>'].join('\n') : '        <links/>',
		isHttp(talk.url) ? `        ${element('url', talk.url)}` : '',
		'      </event>',
	]
		.filter((line) => line !== '')
		.join('\n');
}

/** A frab/pretalx-style `schedule.json` that validates against the C3VOC JSON schema. */
export function frabJson(event: ExportEvent, scheduleUrl: string): string {
	const { acronym, numbers } = numbering(event);
	const days = exportDays(event);
	const rooms = [...new Set(days.flatMap((day) => day.rooms.map((room) => room.name)))];
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
				url: event.url,
				rooms: rooms.map((name) => ({ name, guid: stableUuid(`room:${event.id}/${name}`) })),
				days: days.map((day) => ({
					index: day.index,
					date: day.date,
					day_start: day.start,
					day_end: day.end,
					rooms: Object.fromEntries(
						day.rooms.map((room) => [room.name, room.talks.map((talk) => talkJson(talk, room.name, event.timeZone, acronym, numbers.get(talk)!))]),
					),
				})),
			},
		},
	};
	return `${JSON.stringify(document, null, '\t')}\n`;
}

function talkJson(talk: ExportTalk, room: string, timeZone: string, acronym: string, number: number) {
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
		links: talk.links.map((link) => ({ type: link.type, url: link.url, ...(link.title ? { title: link.title } : {}) })),
	};
}
