import { describe, expect, it } from 'vitest';
import { buildHubIndex } from '#lib/hub/hub-index.ts';
import {
	eventCalendar,
	exportEvent,
	hasCalendar,
	schedulableEvents,
	talkCalendarUid,
} from '#lib/schedule/hub-export.ts';
import { parseCalendar } from '../../helpers/schedule-checks';
import { entry, hubCollections, ref, talk, type FrontMatter } from '../../helpers/entries';

const absolute = (path: string) => `https://hub.example${path}`;
const event = (
	id: string,
	frontMatter: Omit<FrontMatter<'events'>, 'title'> & { title?: string },
) => entry('events', id, { title: id, ...frontMatter });
const days = { start: '2024-03-09', end: '2024-03-10' };

const hub = buildHubIndex(
	hubCollections({
		events: [
			event('conf', {
				title: 'Conf 2024',
				...days,
				timezone: 'Europe/Brussels',
				venue: 'ULB',
				city: 'Brussels',
			}),
			event('no-zone', { ...days }),
			event('untimed-only', { ...days, timezone: 'Europe/Brussels' }),
			event('no-talks', { ...days, timezone: 'Europe/Brussels' }),
		],
		talks: [
			talk('2024/opening', {
				title: 'Opening',
				event: 'conf',
				speakers: ['ada', 'bob'],
				summary: 'Why we are here.',
				day: '2024-03-09',
				start: '09:30',
				duration: 30,
				room: 'Janson',
				track: 'Main',
				kind: 'keynote',
				language: 'en',
				links: [
					{ kind: 'slides', title: 'Slides', url: 'https://hub.example/slides.pdf' },
					{ kind: 'other', url: 'https://elsewhere.example/' },
					{ kind: 'code', title: 'Code', url: 'https://git.example/opening' },
				],
				recording: {
					status: 'available',
					licence: 'CC-BY-4.0',
					sources: [{ url: 'https://video.example/opening.webm', provider: 'file' }],
				},
				source: { format: 'frab-xml', id: 4242, guid: 'c0ffee00-0000-4000-8000-000000000000' },
			}),
			talk('closing', {
				title: 'Closing',
				event: 'conf',
				day: '2024-03-10',
				start: '17:00',
				recording: { status: 'not-recorded', sources: [] },
			}),
			talk('hallway', { title: 'Hallway track', event: 'conf' }),
			talk('zone-less', {
				title: 'Timed, no zone',
				event: 'no-zone',
				speakers: ['ada'],
				day: '2024-03-09',
				start: '10:00',
			}),
			talk('someday', { title: 'Someday', event: 'untimed-only', day: '2024-03-09' }),
		],
		people: [
			entry('people', 'ada', {
				name: 'Ada Lovelace',
				handles: [],
				source: { guid: ['guid-ada', 'guid-ada-old'], ids: { conf: [7162, 7163], 'no-zone': 1 } },
			}),
			entry('people', 'bob', { name: 'Bob', handles: [] }),
		],
		recaps: [],
		notes: [],
		sponsors: [],
		topics: [
			entry('topics', 'musl', { name: 'musl', summary: 'A C library.' }),
			entry('topics', 'alpine', { name: 'Alpine Linux', summary: 'A distribution.' }),
		],
		'case-studies': [],
	}),
	{ matchedTopics: new Map([['2024/opening', ['musl', 'alpine']]]) },
);
const conf = hub.get(ref('events', 'conf'));
const bodies = new Map([
	['2024/opening', '\nWhat the opening covered.\n\n- and a list\n'],
	['closing', '  \n\n'],
]);
const exported = exportEvent(conf, hub, absolute, bodies);

describe('schedulableEvents', () => {
	it('keeps only events with a time zone and at least one timed talk', () => {
		expect(schedulableEvents(hub).map((schedulable) => schedulable.id)).toEqual(['conf']);
	});
});

describe('hasCalendar', () => {
	it('gives a talk a calendar when it has a day and a start in an event with a time zone and dates', () => {
		const calendared = (id: string) => {
			const item = hub.get(ref('talks', id));
			return hasCalendar(item, hub.get(item.data.event));
		};
		expect(
			['2024/opening', 'closing', 'hallway', 'zone-less', 'someday'].filter(calendared),
		).toEqual(['2024/opening', 'closing']);
	});
});

describe('exportEvent', () => {
	it('carries the event and only its timed talks, in programme order', () => {
		expect(exported).toMatchObject({
			id: 'conf',
			title: 'Conf 2024',
			start: '2024-03-09',
			end: '2024-03-10',
			timeZone: 'Europe/Brussels',
			url: 'https://hub.example/events/conf/',
			venue: 'ULB',
			city: 'Brussels',
		});
		expect(exported.talks.map((exportedTalk) => exportedTalk.id)).toEqual([
			'2024/opening',
			'closing',
		]);
	});

	it('writes a talk with its body as description, C3VOC link types and its speakers as this edition knows them', () => {
		expect(exported.talks[0]).toEqual({
			id: '2024/opening',
			title: 'Opening',
			summary: 'Why we are here.',
			description: 'What the opening covered.\n\n- and a list',
			day: '2024-03-09',
			start: '09:30',
			duration: 30,
			room: 'Janson',
			track: 'Main',
			kind: 'keynote',
			language: 'en',
			url: 'https://hub.example/talks/2024/opening/',
			speakers: [
				{ name: 'Ada Lovelace', id: 7162, guid: 'guid-ada' },
				{ name: 'Bob', id: undefined, guid: undefined },
			],
			links: [
				{ url: 'https://hub.example/slides.pdf', title: 'Slides', type: 'slides' },
				{ url: 'https://elsewhere.example/', title: undefined, type: 'web' },
				{ url: 'https://git.example/opening', title: 'Code', type: 'web' },
				{ url: 'https://video.example/opening.webm', title: 'Recording', type: 'media' },
			],
			sourceId: 4242,
			sourceGuid: 'c0ffee00-0000-4000-8000-000000000000',
			recordingLicence: 'CC-BY-4.0',
			doNotRecord: undefined,
			topics: ['Alpine Linux', 'musl'],
		});
	});

	it('leaves the description out for a blank or missing body, and marks a talk that was not recorded', () => {
		expect(exported.talks[1]).toMatchObject({
			id: 'closing',
			description: undefined,
			duration: 0,
			doNotRecord: true,
			speakers: [],
			links: [],
		});
		expect(
			exportEvent(conf, hub, absolute).talks.map((exportedTalk) => exportedTalk.description),
		).toEqual([undefined, undefined]);
	});

	it("takes a speaker's id from the edition being exported", () => {
		const otherEdition = exportEvent(hub.get(ref('events', 'no-zone')), hub, absolute);
		expect(otherEdition.talks.map((exportedTalk) => exportedTalk.speakers)).toEqual([
			[{ name: 'Ada Lovelace', id: 1, guid: 'guid-ada' }],
		]);
	});
});

describe('exported links', () => {
	it("carry what the talk fields note about them in their title, the only place C3VOC's schedules leave for it", () => {
		const licensed = buildHubIndex(
			hubCollections({
				events: [event('conf', { ...days, timezone: 'Europe/Brussels' })],
				talks: [
					talk('a', {
						title: 'A',
						event: 'conf',
						day: '2024-03-09',
						start: '10:00',
						links: [
							{ kind: 'slides', url: 'https://hub.example/a.pdf', licence: 'CC-BY-SA-4.0' },
							{
								kind: 'slides',
								title: 'Handout',
								url: 'https://hub.example/b.pdf',
								licence: 'All rights reserved',
							},
							{ kind: 'slides', title: 'Deck', url: 'https://hub.example/c.pdf' },
						],
					}),
				],
			}),
		);
		const [exportedTalk] = exportEvent(
			licensed.get(ref('events', 'conf')),
			licensed,
			absolute,
		).talks;
		expect(exportedTalk?.links.map((link) => link.title)).toEqual([
			'Slides (licence: CC-BY-SA-4.0)',
			'Handout (licence: All rights reserved)',
			'Deck',
		]);
	});
});

describe('talkCalendarUid', () => {
	it('makes a talk id with folders into a UID at the host, numbering its further sessions', () => {
		expect(talkCalendarUid('2024/opening', 'hub.example')).toBe('2024.opening@hub.example');
		expect(talkCalendarUid('2024/opening', 'hub.example', 2)).toBe('2024.opening#3@hub.example');
		expect(talkCalendarUid('fosdem/2020/a/b', 'hub.example')).toBe('fosdem.2020.a.b@hub.example');
	});
});

describe('eventCalendar', () => {
	it("holds one entry per timed talk, each under its talk's UID, in the event's zone", () => {
		const { events } = parseCalendar(eventCalendar(exported));
		expect(events.map((calendarEvent) => calendarEvent.uid)).toEqual([
			'2024.opening@hub.example',
			'closing@hub.example',
		]);
		const [opening] = events;
		expect(opening!.summary).toBe('Opening');
		expect(opening!.location).toBe('Janson, ULB, Brussels');
		expect(opening!.description).toBe(
			'Ada Lovelace, Bob\n\nWhy we are here.\n\nhttps://hub.example/talks/2024/opening/',
		);
		expect(opening!.startDate.toJSDate().toISOString()).toBe('2024-03-09T08:30:00.000Z');
		expect(opening!.endDate.toJSDate().toISOString()).toBe('2024-03-09T09:00:00.000Z');
		// Categories: the track, then the topics.
		expect(opening!.component.getFirstProperty('categories')?.getValues()).toEqual([
			'Main',
			'Alpine Linux',
			'musl',
		]);
		expect(events[1]!.component.getFirstProperty('categories')).toBeNull();
	});

	it('with `only`, holds that one talk under the same UID, named after it and its event', () => {
		const only = exported.talks[1]!;
		const { calendar, events } = parseCalendar(eventCalendar(exported, only));
		expect(events.map((calendarEvent) => calendarEvent.uid)).toEqual(['closing@hub.example']);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Closing (Conf 2024)');
	});

	it('gives the same file for the same content', () => {
		expect(eventCalendar(exportEvent(conf, hub, absolute, bodies))).toBe(eventCalendar(exported));
	});
});
