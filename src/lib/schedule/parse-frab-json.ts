import {
	conferenceFields,
	parseClock,
	parseDuration,
	RoomDisagreements,
	ScheduleError,
	schedulePerson,
	scheduleText,
	type Schedule,
	type ScheduleDay,
	type SchedulePerson,
	type ScheduleProblem,
	type ScheduleReference,
	type ScheduleTalk,
} from './model';
import { isPlainDate } from '#lib/time.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) =>
	typeof value === 'string'
		? value.trim() || undefined
		: typeof value === 'number'
			? String(value)
			: undefined;
/** Schedule ids are strings or numbers; anything else (an object, a list) is no id. */
const idOf = (value: unknown) =>
	typeof value === 'number' || typeof value === 'string' ? value : undefined;

/** `JSON.parse` messages carry a character offset; contributors need a line and column. */
function jsonErrorLocation(source: string, message: string): string {
	const position = /position (\d+)/.exec(message);
	if (!position) return `end of file (${source.length} characters; is it truncated?)`;
	const before = source.slice(0, Number(position[1]));
	const lines = before.split('\n');
	return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

function references(
	value: unknown,
	field: string,
	at: string,
	problems: ScheduleProblem[],
): ScheduleReference[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((item) => {
		const url = scheduleText(
			typeof item === 'string' ? item : isObject(item) ? str(item.url) : undefined,
			`"${field}" url`,
			at,
			problems,
		);
		if (!url) return [];
		return isObject(item)
			? [
					{
						url,
						title: scheduleText(str(item.title), `"${field}" title`, at, problems),
						type: str(item.type),
					},
				]
			: [{ url }];
	});
}

/**
 * Speakers from `"persons"`: a list of person objects as the C3VOC schema has it, and the
 * shapes merged exports write instead: a single object, an object of persons by id, a list of
 * lists. Anything else in it is an error naming where: speakers are never dropped unsaid.
 */
function persons(
	value: unknown,
	at: string,
	problems: ScheduleProblem[],
	warnings: ScheduleProblem[],
): SchedulePerson[] {
	if (value === undefined || value === null) return [];
	const isPerson = (item: JsonObject) =>
		['name', 'public_name', 'id', 'guid', 'code'].some((key) => key in item);
	const items = (
		isObject(value)
			? isPerson(value)
				? [value]
				: Object.values(value)
			: Array.isArray(value)
				? value.flat(Infinity)
				: [value]
	) as unknown[];
	return items.flatMap((item, index) => {
		if (!isObject(item)) {
			problems.push({
				location: at,
				detail: `"persons"[${index}]: expected a person object with a "name", found ${JSON.stringify(item)?.slice(0, 40)}`,
			});
			return [];
		}
		const name = item.name ?? item.public_name;
		if (name !== undefined && typeof name !== 'string') {
			problems.push({
				location: at,
				detail: `"persons"[${index}]: expected "name" to be text, found ${JSON.stringify(name)?.slice(0, 40)}`,
			});
			return [];
		}
		return schedulePerson(
			{
				name: str(item.name) ?? str(item.public_name),
				id: idOf(item.id) ?? str(item.code),
				guid: str(item.guid),
				biography: str(item.biography),
			},
			'"persons" name',
			at,
			problems,
			warnings,
		);
	});
}

/** Reads a frab/pretalx `schedule.json` (C3VOC schema), leniently where nothing is lost, reporting every problem at once. */
export function parseFrabJson(source: string, file: string): Schedule {
	let root: unknown;
	try {
		root = JSON.parse(source);
	} catch (error) {
		const message = (error as Error).message;
		throw new ScheduleError(file, jsonErrorLocation(source, message), `not valid JSON: ${message}`);
	}
	const conference =
		isObject(root) && isObject(root.schedule) ? root.schedule.conference : undefined;
	if (!isObject(conference))
		throw new ScheduleError(file, 'document', 'expected { "schedule": { "conference": { … } } }');
	const problems: ScheduleProblem[] = [];
	const field = (name: string) =>
		scheduleText(str(conference[name]), `"${name}"`, 'schedule.conference', problems);
	const title = field('title');
	if (!title) problems.push({ location: 'schedule.conference', detail: 'expected a "title"' });
	if (!Array.isArray(conference.days))
		throw new ScheduleError(file, 'schedule.conference', 'expected a "days" list', problems);

	const days: ScheduleDay[] = [];
	const talks: ScheduleTalk[] = [];
	const warnings: ScheduleProblem[] = [];
	const roomDisagreements = new RoomDisagreements();
	conference.days.forEach((day: unknown, dayIndex) => {
		const at = `schedule.conference.days[${dayIndex}]`;
		const date = isObject(day) ? str(day.date) : undefined;
		if (!isObject(day) || !date || !isPlainDate(date)) {
			problems.push({
				location: at,
				detail: `expected a "date" written YYYY-MM-DD with a real date, found ${date ? `"${date}"` : 'none'}`,
			});
			return;
		}
		const dayStart = str(day.day_start);
		days.push({ date, dayStart: dayStart ? parseClock(dayStart.slice(11, 19)) : undefined });
		// Rooms are an object of events by room name; any other shape would import as "0 talks".
		if (day.rooms !== undefined && !isObject(day.rooms)) {
			problems.push({
				location: `${at}.rooms`,
				detail: `expected an object of event lists by room name ({ "Room A": [ … ] }), found ${Array.isArray(day.rooms) ? 'a list' : JSON.stringify(day.rooms)}`,
			});
			return;
		}
		for (const [roomName, events] of Object.entries(day.rooms ?? {})) {
			if (!Array.isArray(events)) {
				problems.push({
					location: `${at}.rooms["${roomName}"]`,
					detail: `expected a list of events, found ${JSON.stringify(events)?.slice(0, 40)}`,
				});
				continue;
			}
			events.forEach((event: unknown, eventIndex) => {
				const location = `${at}.rooms["${roomName}"][${eventIndex}]`;
				if (!isObject(event)) {
					problems.push({ location, detail: 'expected an event object' });
					return;
				}
				const talk = readEvent(event, { location, date, roomName }, problems, warnings);
				if (!talk) return;
				roomDisagreements.note(
					talk.room,
					scheduleText(str(event.room), '"room"', location, problems),
				);
				talks.push(talk);
			});
		}
	});
	ScheduleError.throwAll(file, problems);

	return {
		format: 'frab-json',
		title: title!,
		...conferenceFields(field),
		url:
			field('url') ??
			(isObject(root) && isObject(root.schedule)
				? scheduleText(str(root.schedule.base_url), '"base_url"', 'schedule', problems)
				: undefined),
		days,
		talks,
		warnings,
		roomDisagreements: roomDisagreements.list(),
	};
}

function readEvent(
	event: JsonObject,
	at: { location: string; date: string; roomName: string },
	problems: ScheduleProblem[],
	warnings: ScheduleProblem[],
): ScheduleTalk | undefined {
	const found = problems.length;
	const id = idOf(event.id) ?? str(event.code);
	const location = `${at.location} (id ${id ?? str(event.guid) ?? '?'})`;
	const read = (name: string, kind?: 'line' | 'text') =>
		scheduleText(str(event[name]), `"${name}"`, location, problems, kind);
	const title = read('title');
	if (!title && problems.length === found)
		problems.push({ location, detail: 'expected a "title"' });
	const startText = str(event.start) ?? '';
	const start = parseClock(startText);
	if (!start)
		problems.push({ location, detail: `expected "start" written HH:MM, found "${startText}"` });
	const durationText = str(event.duration) ?? '0:00';
	const durationMinutes = parseDuration(durationText);
	if (durationMinutes === undefined) {
		problems.push({
			location,
			detail: `expected "duration" written HH:MM or HH:MM:SS, found "${durationText}"`,
		});
	}
	const talk: ScheduleTalk = {
		location,
		id,
		guid: str(event.guid),
		slug: read('slug'),
		url: read('url'),
		title: title!,
		subtitle: read('subtitle'),
		dayDate: at.date,
		start: start!,
		dateTime: str(event.date),
		durationMinutes: durationMinutes!,
		// The room an event is listed under wins over its own "room", as in XML.
		room: scheduleText(at.roomName, 'room name', location, problems) ?? read('room'),
		track: read('track'),
		type: str(event.type),
		language: str(event.language),
		abstract: read('abstract', 'text'),
		description: read('description', 'text'),
		persons: persons(event.persons, location, problems, warnings),
		links: references(event.links, 'links', location, problems),
		attachments: references(event.attachments, 'attachments', location, problems),
		recordingLicence: str(event.recording_license),
		doNotRecord: event.do_not_record === true || undefined,
	};
	return problems.length === found ? talk : undefined;
}
