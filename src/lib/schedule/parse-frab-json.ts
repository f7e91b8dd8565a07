import {
	conferenceFields,
	parseClock,
	parseDuration,
	ScheduleError,
	type Schedule,
	type ScheduleDay,
	type SchedulePerson,
	type ScheduleReference,
	type ScheduleTalk,
} from './model';
import { isPlainDate } from '../time';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) =>
	typeof value === 'string' ? value.trim() || undefined : typeof value === 'number' ? String(value) : undefined;

/** `JSON.parse` messages carry a character offset; contributors need a line and column. */
function jsonErrorLocation(source: string, message: string): string {
	const position = /position (\d+)/.exec(message);
	if (!position) return `end of file (${source.length} characters; is it truncated?)`;
	const before = source.slice(0, Number(position[1]));
	const lines = before.split('\n');
	return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

function references(value: unknown): ScheduleReference[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((item) => {
		if (typeof item === 'string') return [{ url: item }];
		const url = isObject(item) ? str(item.url) : undefined;
		return url && isObject(item) ? [{ url, title: str(item.title), type: str(item.type) }] : [];
	});
}

function persons(value: unknown): SchedulePerson[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((item) => {
		if (!isObject(item)) return [];
		const name = str(item.name) ?? str(item.public_name);
		return name ? [{ id: (item.id as number | string | undefined) ?? str(item.code), guid: str(item.guid), name }] : [];
	});
}

/** Reads a frab/pretalx `schedule.json` (C3VOC schema), leniently where nothing is lost. */
export function parseFrabJson(source: string, file: string): Schedule {
	let root: unknown;
	try {
		root = JSON.parse(source);
	} catch (error) {
		const message = (error as Error).message;
		throw new ScheduleError(file, jsonErrorLocation(source, message), `not valid JSON: ${message}`);
	}
	const conference = isObject(root) && isObject(root.schedule) ? root.schedule.conference : undefined;
	if (!isObject(conference)) throw new ScheduleError(file, 'document', 'expected { "schedule": { "conference": { … } } }');
	const title = str(conference.title);
	if (!title) throw new ScheduleError(file, 'schedule.conference', 'expected a "title"');
	if (!Array.isArray(conference.days)) throw new ScheduleError(file, 'schedule.conference', 'expected a "days" list');

	const days: ScheduleDay[] = [];
	const talks: ScheduleTalk[] = [];
	conference.days.forEach((day: unknown, dayIndex) => {
		const at = `schedule.conference.days[${dayIndex}]`;
		const date = isObject(day) ? str(day.date) : undefined;
		if (!isObject(day) || !date || !isPlainDate(date)) {
			throw new ScheduleError(file, at, `expected a "date" written YYYY-MM-DD, found ${date ? `"${date}"` : 'none'}`);
		}
		const dayStart = str(day.day_start);
		days.push({ date, dayStart: dayStart ? parseClock(dayStart.slice(11, 19)) : undefined });
		for (const [roomName, events] of Object.entries(isObject(day.rooms) ? day.rooms : {})) {
			if (!Array.isArray(events)) continue;
			events.forEach((event: unknown, eventIndex) => {
				const location = `${at}.rooms["${roomName}"][${eventIndex}]`;
				if (!isObject(event)) throw new ScheduleError(file, location, 'expected an event object');
				talks.push(readEvent(event, { file, location, date, roomName }));
			});
		}
	});

	return {
		format: 'frab-json',
		title,
		...conferenceFields((name) => str(conference[name])),
		url: str(conference.url) ?? (isObject(root) && isObject(root.schedule) ? str(root.schedule.base_url) : undefined),
		days,
		talks,
	};
}

function readEvent(event: JsonObject, at: { file: string; location: string; date: string; roomName: string }): ScheduleTalk {
	const id = (event.id as number | string | undefined) ?? str(event.code);
	const location = `${at.location} (id ${id ?? event.guid ?? '?'})`;
	const title = str(event.title);
	if (!title) throw new ScheduleError(at.file, location, 'expected a "title"');
	const startText = str(event.start) ?? '';
	const start = parseClock(startText);
	if (!start) throw new ScheduleError(at.file, location, `expected "start" written HH:MM, found "${startText}"`);
	const durationText = str(event.duration) ?? '0:00';
	const durationMinutes = parseDuration(durationText);
	if (durationMinutes === undefined) {
		throw new ScheduleError(at.file, location, `expected "duration" written HH:MM or HH:MM:SS, found "${durationText}"`);
	}
	return {
		location,
		id,
		guid: str(event.guid),
		slug: str(event.slug),
		url: str(event.url),
		title,
		subtitle: str(event.subtitle),
		dayDate: at.date,
		start,
		dateTime: str(event.date),
		durationMinutes,
		room: str(event.room) ?? at.roomName,
		track: str(event.track),
		type: str(event.type),
		language: str(event.language),
		abstract: str(event.abstract),
		description: str(event.description),
		persons: persons(event.persons),
		links: references(event.links),
		attachments: references(event.attachments),
		recordingLicence: str(event.recording_license),
		doNotRecord: event.do_not_record === true || undefined,
	};
}
