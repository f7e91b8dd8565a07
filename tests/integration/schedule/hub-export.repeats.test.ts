import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '#lib/content/collections.ts';
import { buildHubIndex, type HubCollections } from '#lib/hub/hub-index.ts';
import { eventCalendar, exportEvent } from '#lib/schedule/hub-export.ts';
import { frabJson, frabXml } from '#lib/schedule/export-frab.ts';
import { parseCalendar, vocJsonValidator, xsdErrors } from '../../helpers/schedule-checks';

const ref = <C extends CollectionName>(collection: C, id: string) => ({ collection, id });
const entry = (collection: string, id: string, data: Record<string, unknown>) =>
	({ collection, id, data }) as never;
const absolute = (path: string) => `https://hub.example${path}`;
/** A talk's fields as the talk schema's defaults give them. */
const talk = (id: string, data: Record<string, unknown>) =>
	entry('talks', id, { speakers: [], moderators: [], kind: 'talk', tags: [], links: [], ...data });
const event = (id: string, data: Record<string, unknown>) =>
	entry('events', id, { title: id, organisers: [], sponsors: [], tags: [], ...data });

describe('a talk held several times', () => {
	const repeatHub = buildHubIndex({
		events: [
			event('camp', {
				title: 'Camp 2024',
				start: '2024-08-01',
				end: '2024-08-03',
				timezone: 'Europe/Berlin',
			}),
		],
		talks: [
			talk('camp/soldering', {
				title: 'Soldering workshop',
				event: ref('events', 'camp'),
				day: '2024-08-01',
				start: '10:00',
				duration: 120,
				room: 'Hardware tent',
				sessions: [
					{ day: '2024-08-02', start: '10:00' },
					{ day: '2024-08-03', start: '14:00', duration: 60, room: 'Village' },
				],
				source: { format: 'frab-xml', id: 12, guid: 'a1b2c3d4-0000-4000-8000-000000000012' },
			}),
			talk('camp/opening', {
				title: 'Opening',
				event: ref('events', 'camp'),
				day: '2024-08-01',
				start: '09:00',
				room: 'Hardware tent',
			}),
		],
		people: [],
		recaps: [],
		notes: [],
		sponsors: [],
		'case-studies': [],
		topics: [],
	} as unknown as HubCollections);
	const camp = exportEvent(repeatHub.get(ref('events', 'camp')), repeatHub, absolute);

	it('exports every session, further ones with their own room and length or the talk’s', () => {
		const sessions = camp.talks.filter((exportedTalk) => exportedTalk.id === 'camp/soldering');
		expect(
			sessions.map(({ day, start, duration, room, session }) => [
				day,
				start,
				duration,
				room,
				session,
			]),
		).toEqual([
			['2024-08-01', '10:00', 120, 'Hardware tent', undefined],
			['2024-08-02', '10:00', 120, 'Hardware tent', 1],
			['2024-08-03', '14:00', 60, 'Village', 2],
		]);
	});

	it('puts each session in the event’s calendar and all of them in the talk’s, each with a UID of its own', () => {
		const uids = parseCalendar(eventCalendar(camp)).events.map(
			(calendarEvent) => calendarEvent.uid,
		);
		expect(uids).toEqual([
			'camp.opening@hub.example',
			'camp.soldering@hub.example',
			'camp.soldering#2@hub.example',
			'camp.soldering#3@hub.example',
		]);
		const own = parseCalendar(
			eventCalendar(
				camp,
				camp.talks.find((exportedTalk) => exportedTalk.id === 'camp/soldering'),
			),
		).events;
		expect(
			own.map((calendarEvent) => [
				calendarEvent.uid,
				calendarEvent.startDate.toString(),
				calendarEvent.location,
			]),
		).toEqual([
			['camp.soldering@hub.example', '2024-08-01T10:00:00', 'Hardware tent'],
			['camp.soldering#2@hub.example', '2024-08-02T10:00:00', 'Hardware tent'],
			['camp.soldering#3@hub.example', '2024-08-03T14:00:00', 'Village'],
		]);
	});

	it('writes each session as an event of schedule.xml and schedule.json, valid with the unique guids, ids and slugs they require', async () => {
		const xml = frabXml(camp, 'https://hub.example/events/camp/schedule.xml');
		const dir = await mkdtemp(path.join(tmpdir(), 'edelweiss-repeats-'));
		try {
			await writeFile(path.join(dir, 'schedule.xml'), xml);
			expect(await xsdErrors(path.join(dir, 'schedule.xml'))).toBe('');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
		expect(xml.match(/<title>Soldering workshop<\/title>/g)).toHaveLength(3);
		expect(xml).toContain('guid="a1b2c3d4-0000-4000-8000-000000000012"');
		const json = JSON.parse(frabJson(camp, 'https://hub.example/events/camp/schedule.json'));
		const validate = vocJsonValidator();
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
		const events = json.schedule.conference.days.flatMap(
			(day: { rooms: Record<string, { title: string; id: number; guid: string }[]> }) =>
				Object.values(day.rooms).flat(),
		);
		const soldering = events.filter(
			(item: { title: string }) => item.title === 'Soldering workshop',
		);
		expect(soldering).toHaveLength(3);
		expect(new Set(soldering.map((item: { guid: string }) => item.guid)).size).toBe(3);
		expect(soldering.map((item: { id: number }) => item.id)).toContain(12);
	});
});
