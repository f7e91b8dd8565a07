import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
	conferenceFields,
	parseClock,
	parseDuration,
	ScheduleError,
	scheduleId,
	type Schedule,
	type ScheduleDay,
	type SchedulePerson,
	type ScheduleReference,
	type ScheduleTalk,
} from './model';
import { isPlainDate } from '../time';

type XmlNode = Record<string, unknown>;

const listTags = new Set(['day', 'room', 'event', 'person', 'link', 'attachment']);
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	isArray: (name) => listTags.has(name),
});

/** The text of an element that may carry attributes (`<person id="6">Name</person>`). */
function text(node: unknown): string | undefined {
	if (node === undefined || node === null) return undefined;
	if (typeof node === 'string') return node.trim() || undefined;
	if (typeof node === 'object' && '#text' in node) return String((node as XmlNode)['#text']).trim() || undefined;
	return undefined;
}
const attribute = (node: unknown, name: string) =>
	node && typeof node === 'object' ? text((node as XmlNode)[`@${name}`]) : undefined;
const list = (node: unknown, child: string): unknown[] =>
	node && typeof node === 'object' ? (((node as XmlNode)[child] as unknown[] | undefined) ?? []) : [];

function references(node: unknown, child: string): ScheduleReference[] {
	return list(node, child).flatMap((item) => {
		const url = attribute(item, 'href');
		return url ? [{ url, title: text(item), type: attribute(item, 'type') }] : [];
	});
}

function persons(node: unknown): SchedulePerson[] {
	return list(node, 'person').flatMap((item) => {
		const name = text(item);
		return name ? [{ id: scheduleId(attribute(item, 'id')), guid: attribute(item, 'guid'), name }] : [];
	});
}

/** Reads a frab/Pentabarf `schedule.xml`. */
export function parseFrabXml(source: string, file: string): Schedule {
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		// The validator reports tags left open at the end as "Invalid '[…tag names…]' found" at 1:1.
		const unclosed = /^Invalid '(\[[\s\S]*\])' found/.exec(valid.err.msg);
		if (unclosed) {
			const tags = (JSON.parse(unclosed[1]!) as string[]).map((tag) => `<${tag}>`).join(' ');
			const lines = source.split('\n').length;
			throw new ScheduleError(file, `end of file (line ${lines})`, `not well-formed XML: ${tags} never closed; is the file truncated?`);
		}
		throw new ScheduleError(file, `line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML: ${valid.err.msg}`);
	}
	const root = parser.parse(source) as XmlNode;
	const schedule = root.schedule as XmlNode | undefined;
	if (!schedule || typeof schedule !== 'object') {
		throw new ScheduleError(file, 'document', 'expected a <schedule> root element');
	}
	const conference = (schedule.conference ?? {}) as XmlNode;
	const title = text(conference.title);
	if (!title) throw new ScheduleError(file, '<conference>', 'expected a <title>');
	const dayChange = parseClock(text(conference.day_change) ?? '');

	const days: ScheduleDay[] = [];
	const talks: ScheduleTalk[] = [];
	list(schedule, 'day').forEach((day, dayIndex) => {
		const date = attribute(day, 'date');
		const dayLabel = `<day> ${attribute(day, 'index') ?? dayIndex + 1}`;
		if (!date || !isPlainDate(date)) {
			throw new ScheduleError(file, dayLabel, `expected a date="YYYY-MM-DD" attribute, found ${date ? `"${date}"` : 'none'}`);
		}
		const dayStart = attribute(day, 'start');
		days.push({ date, dayStart: dayStart ? parseClock(dayStart.slice(11, 19)) : dayChange });
		for (const room of list(day, 'room')) {
			const roomName = attribute(room, 'name');
			for (const event of list(room, 'event') as XmlNode[]) {
				const id = attribute(event, 'id');
				const location = `day ${date}, room "${roomName ?? '?'}", event ${id ?? attribute(event, 'guid') ?? '(no id)'}`;
				talks.push(readEvent(event, { file, location, date, roomName }));
			}
		}
	});

	return {
		format: 'frab-xml',
		title,
		...conferenceFields((name) => text(conference[name])),
		venue: text(conference.venue),
		city: text(conference.city),
		url: text(conference.url) ?? text(conference.base_url),
		days,
		talks,
	};
}

function readEvent(event: XmlNode, at: { file: string; location: string; date: string; roomName: string | undefined }): ScheduleTalk {
	const title = text(event.title);
	if (!title) throw new ScheduleError(at.file, at.location, 'expected a <title>');
	const startText = text(event.start) ?? '';
	const start = parseClock(startText);
	if (!start) throw new ScheduleError(at.file, at.location, `expected <start> written HH:MM, found "${startText}"`);
	const durationText = text(event.duration) ?? '0:00';
	const durationMinutes = parseDuration(durationText);
	if (durationMinutes === undefined) {
		throw new ScheduleError(at.file, at.location, `expected <duration> written HH:MM or HH:MM:SS, found "${durationText}"`);
	}
	const recording = event.recording as XmlNode | undefined;
	return {
		location: at.location,
		id: scheduleId(attribute(event, 'id')),
		guid: attribute(event, 'guid'),
		slug: text(event.slug),
		url: text(event.url),
		title,
		subtitle: text(event.subtitle),
		dayDate: at.date,
		start,
		dateTime: text(event.date),
		durationMinutes,
		room: text(event.room) ?? at.roomName,
		track: text(event.track),
		type: text(event.type),
		language: text(event.language),
		abstract: text(event.abstract),
		description: text(event.description),
		persons: persons(event.persons),
		links: references(event.links, 'link'),
		attachments: references(event.attachments, 'attachment'),
		recordingLicence: text(recording?.license),
		doNotRecord: text(recording?.optout) === 'true' || undefined,
	};
}
