import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { limits } from '#lib/content/limits.ts';
import { positionFinder } from '#lib/content/text-file.ts';
import {
	conferenceFields,
	parseClock,
	parseDuration,
	RoomDisagreements,
	ScheduleError,
	scheduleId,
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

type XmlNode = Record<string, unknown>;

// Not `room`: it is a wrapper under `<day>` in most exports but a text child of `<event>` in
// all of them; `list` takes one element or several alike.
const listTags = new Set(['day', 'event', 'person', 'link', 'attachment']);
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	isArray: (name) => listTags.has(name),
	maxNestedTags: limits.xmlDepth,
	// Numeric character references (`&#39;`, `&#xA;`) are XML itself; FOSDEM 2007–2012 write apostrophes so.
	htmlEntities: true,
});

/** The text of an element that may carry attributes (`<person id="6">Name</person>`). */
function text(node: unknown): string | undefined {
	if (node === undefined || node === null) return undefined;
	if (typeof node === 'string') return node.trim() || undefined;
	if (typeof node === 'object' && '#text' in node)
		return String((node as XmlNode)['#text']).trim() || undefined;
	return undefined;
}
const attribute = (node: unknown, name: string) =>
	node && typeof node === 'object' ? text((node as XmlNode)[`@${name}`]) : undefined;
function list(node: unknown, child: string): unknown[] {
	const value = node && typeof node === 'object' ? (node as XmlNode)[child] : undefined;
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Where `pattern` first matches in the source, as `line N`, for messages about the whole document. */
function lineOf(source: string, pattern: RegExp): string {
	const index = source.search(pattern);
	return index === -1 ? 'document' : `line ${positionFinder(source)(index).line}`;
}

/** Reads the XML into a tree, or says what keeps it from being a schedule, with the file and line. */
function parseXml(source: string, file: string): XmlNode {
	// Entity declarations are how XML bombs and external entities start; frab schedules have none.
	if (/<!ENTITY/i.test(source)) {
		throw new ScheduleError(
			file,
			lineOf(source, /<!ENTITY/i),
			'entity declarations (<!ENTITY …>) are refused: a schedule needs none',
		);
	}
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		// The validator reports tags left open at the end as "Invalid '[…tag names…]' found" at 1:1.
		const unclosed = /^Invalid '(\[[\s\S]*\])' found/.exec(valid.err.msg);
		if (unclosed) {
			const tags = (JSON.parse(unclosed[1]!) as string[]).map((tag) => `<${tag}>`).join(' ');
			const lines = source.split('\n').length;
			throw new ScheduleError(
				file,
				`end of file (line ${lines})`,
				`not well-formed XML: ${tags} never closed; is the file truncated?`,
			);
		}
		throw new ScheduleError(
			file,
			`line ${valid.err.line}, column ${valid.err.col}`,
			`not well-formed XML: ${valid.err.msg}`,
		);
	}
	try {
		return parser.parse(source) as XmlNode;
	} catch (error) {
		const message = (error as Error).message;
		const reserved = /Invalid name: "([^"]+)"/.exec(message)?.[1];
		if (reserved)
			throw new ScheduleError(
				file,
				lineOf(source, new RegExp(`<${reserved}[\\s>/]|\\s${reserved}=`)),
				`the name "${reserved}" is refused: it is reserved in JavaScript`,
			);
		if (/nested/i.test(message))
			throw new ScheduleError(
				file,
				'document',
				`elements nest deeper than ${limits.xmlDepth} levels; a frab schedule needs 7`,
			);
		throw new ScheduleError(file, 'document', `cannot be read as a schedule: ${message}`);
	}
}

function references(
	node: unknown,
	child: string,
	at: string,
	problems: ScheduleProblem[],
): ScheduleReference[] {
	return list(node, child).flatMap((item) => {
		const url = scheduleText(attribute(item, 'href'), `<${child}> href`, at, problems);
		return url
			? [
					{
						url,
						title: scheduleText(text(item), `<${child}> title`, at, problems),
						type: attribute(item, 'type'),
					},
				]
			: [];
	});
}

/**
 * Speakers under `<persons>`, and also directly under `<event>` as some Jekyll-made schedules
 * write them. A person's name is its text, or (pretalx-style persons inside a frab document)
 * its `<public_name>` or `<name>` child, with its `<biography>`.
 */
function persons(
	event: XmlNode,
	at: string,
	problems: ScheduleProblem[],
	warnings: ScheduleProblem[],
): SchedulePerson[] {
	// Names written straight into `<persons>` would otherwise be dropped without a word.
	const loose = text(event.persons);
	if (loose)
		problems.push({
			location: at,
			detail: `expected <person> elements inside <persons>, found the text "${loose.slice(0, 40)}"`,
		});
	return [...list(event.persons, 'person'), ...list(event, 'person')].flatMap((item) => {
		const node = (item && typeof item === 'object' ? item : {}) as XmlNode;
		return schedulePerson(
			{
				name: text(item) ?? text(node.public_name) ?? text(node.name),
				id: scheduleId(attribute(item, 'id')),
				guid: attribute(item, 'guid'),
				biography: text(node.biography),
			},
			'<person>',
			at,
			problems,
			warnings,
		);
	});
}

/** Reads a frab/Pentabarf `schedule.xml`, reporting every problem it finds at once. */
export function parseFrabXml(source: string, file: string): Schedule {
	const root = parseXml(source, file);
	const schedule = root.schedule as XmlNode | undefined;
	if (!schedule || typeof schedule !== 'object') {
		throw new ScheduleError(file, 'document', 'expected a <schedule> root element');
	}
	const problems: ScheduleProblem[] = [];
	const conference = (schedule.conference ?? {}) as XmlNode;
	const field = (name: string) =>
		scheduleText(text(conference[name]), `<${name}>`, '<conference>', problems);
	const title = field('title');
	if (!title) problems.push({ location: '<conference>', detail: 'expected a <title>' });
	const dayChange = parseClock(text(conference.day_change) ?? '');
	// Tracks a conference declares (`<track name color slug/>`): an event naming one by its slug gets its name.
	const trackNames = new Map(
		list(conference, 'track').flatMap((track) => {
			const name = attribute(track, 'name');
			const slug = attribute(track, 'slug');
			return name && slug ? [[slug.toLowerCase(), name] as const] : [];
		}),
	);
	const roomDisagreements = new RoomDisagreements();

	const days: ScheduleDay[] = [];
	const talks: ScheduleTalk[] = [];
	const warnings: ScheduleProblem[] = [];
	const read = new Set<unknown>();
	list(schedule, 'day').forEach((day, dayIndex) => {
		const date = attribute(day, 'date');
		const dayLabel = `<day> ${attribute(day, 'index') ?? dayIndex + 1}`;
		if (!date || !isPlainDate(date)) {
			problems.push({
				location: dayLabel,
				detail: `expected a date="YYYY-MM-DD" attribute with a real date, found ${date ? `"${date}"` : 'none'}`,
			});
			list(day, 'event').forEach((event) => read.add(event));
			list(day, 'room').forEach((room) => list(room, 'event').forEach((event) => read.add(event)));
			return;
		}
		const dayStart = attribute(day, 'start');
		days.push({ date, dayStart: dayStart ? parseClock(dayStart.slice(11, 19)) : dayChange });
		// Two layouts: events inside `<room name>` wrappers (FOSDEM since 2013, frab, pretalx), or
		// directly under the day, each naming its `<room>` (Pentabarf, FOSDEM 2007–2012).
		const placed = [
			...list(day, 'event').map((event) => ({ event, roomName: undefined })),
			...list(day, 'room').flatMap((room) =>
				list(room, 'event').map((event) => ({ event, roomName: attribute(room, 'name') })),
			),
		];
		for (const { event, roomName } of placed as {
			event: XmlNode;
			roomName: string | undefined;
		}[]) {
			read.add(event);
			const id = attribute(event, 'id');
			const room = roomName ?? text(event.room);
			const location = `day ${date}, room "${room ?? '?'}", event ${id ?? attribute(event, 'guid') ?? '(no id)'}`;
			const talk = readEvent(event, { location, date, roomName }, problems, warnings);
			if (!talk) continue;
			if (roomName)
				roomDisagreements.note(
					talk.room,
					scheduleText(text(event.room), '<room>', location, problems),
				);
			if (talk.track) talk.track = trackNames.get(talk.track.toLowerCase()) ?? talk.track;
			talks.push(talk);
		}
	});
	problems.push(...unreadEvents(schedule, read));
	ScheduleError.throwAll(file, problems);

	return {
		format: 'frab-xml',
		title: title!,
		...conferenceFields(field),
		venue: field('venue'),
		city: field('city'),
		url: field('url') ?? field('base_url'),
		days,
		talks,
		warnings,
		roomDisagreements: roomDisagreements.list(),
	};
}

/**
 * Every `<event>` the layouts above did not reach, by path: a schedule is never read as having
 * fewer talks than it holds (an unknown layout would otherwise import as "0 talks").
 */
function unreadEvents(schedule: XmlNode, read: ReadonlySet<unknown>): ScheduleProblem[] {
	const unread: string[] = [];
	const walk = (node: unknown, at: string) => {
		if (!node || typeof node !== 'object') return;
		for (const [name, value] of Object.entries(node as XmlNode)) {
			if (name.startsWith('@')) continue;
			(Array.isArray(value) ? value : [value]).forEach((child) => {
				if (name === 'event' && !read.has(child))
					unread.push(`${at} > event${attribute(child, 'id') ? ` ${attribute(child, 'id')}` : ''}`);
				else walk(child, `${at} > ${name}`);
			});
		}
	};
	walk(schedule, 'schedule');
	if (!unread.length) return [];
	const shown = unread.slice(0, 5).join(', ');
	return [
		{
			location: 'document',
			detail: `${unread.length} <event> element${unread.length === 1 ? ' is' : 's are'} where no known layout puts them (${shown}${unread.length > 5 ? ', …' : ''}); expected each under <day> or under <day><room name>`,
		},
	];
}

function readEvent(
	event: XmlNode,
	at: { location: string; date: string; roomName: string | undefined },
	problems: ScheduleProblem[],
	warnings: ScheduleProblem[],
): ScheduleTalk | undefined {
	const found = problems.length;
	const read = (name: string, kind?: 'line' | 'text') =>
		scheduleText(text(event[name]), `<${name}>`, at.location, problems, kind, 'html');
	const title = read('title');
	if (!title && problems.length === found)
		problems.push({ location: at.location, detail: 'expected a <title>' });
	const startText = text(event.start) ?? '';
	const start = parseClock(startText);
	if (!start)
		problems.push({
			location: at.location,
			detail: `expected <start> written HH:MM, found "${startText}"`,
		});
	const durationText = text(event.duration) ?? '0:00';
	const durationMinutes = parseDuration(durationText);
	if (durationMinutes === undefined) {
		problems.push({
			location: at.location,
			detail: `expected <duration> written HH:MM or HH:MM:SS, found "${durationText}"`,
		});
	}
	const recording = event.recording as XmlNode | undefined;
	const talk: ScheduleTalk = {
		location: at.location,
		id: scheduleId(attribute(event, 'id')),
		guid: attribute(event, 'guid'),
		slug: read('slug'),
		url: read('url'),
		title: title!,
		subtitle: read('subtitle'),
		dayDate: at.date,
		start: start!,
		dateTime: text(event.date),
		durationMinutes: durationMinutes!,
		// The `<room name>` an event is listed in wins over its own `<room>` text: it is how the
		// file groups its events, where merged systems leave another system's spelling in `<room>`.
		room:
			(at.roomName && scheduleText(at.roomName, '<room name>', at.location, problems)) ??
			read('room'),
		track: read('track'),
		type: text(event.type),
		language: text(event.language),
		abstract: read('abstract', 'text'),
		description: read('description', 'text'),
		persons: persons(event, at.location, problems, warnings),
		links: references(event.links, 'link', at.location, problems),
		attachments: references(event.attachments, 'attachment', at.location, problems),
		recordingLicence: text(recording?.license),
		doNotRecord: text(recording?.optout) === 'true' || undefined,
	};
	return problems.length === found ? talk : undefined;
}
