import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { frabJson, frabXml } from '#lib/schedule/export-frab.ts';
import { exportTalk as talk, vocJsonValidator, xsdErrors } from '../../helpers/schedule-checks';

describe('frabXml', () => {
	const event = {
		id: 'demo-2024',
		title: 'Demo & <Friends> 2024',
		start: '2024-03-09',
		end: '2024-03-09',
		timeZone: 'Europe/Brussels',
		url: 'https://hub.example/events/demo-2024/',
		talks: [
			talk({
				id: 'demo-2024/quotes',
				title: 'Quotes "in" <titles> & more',
				summary: "It's <b>not</b> HTML",
				description: 'Line one & <two>\n\nParagraph "three"',
				room: 'Room <A>',
				track: 'Tools & tricks',
				language: 'en',
				speakers: [{ name: 'Ada "The Countess" Lovelace', id: 7 }, { name: 'Grace & Co' }],
				links: [{ url: 'https://example.org/a?b=1&c=2', title: 'Slides <pdf>', type: 'slides' }],
				recordingLicence: 'CC-BY-4.0',
			}),
			talk({ id: 'demo-2024/plain', start: '11:00', room: 'Room <A>' }),
		],
	};

	it('validates against the C3VOC XSD and keeps every character of the text', async () => {
		const xml = frabXml(event, 'https://hub.example/events/demo-2024/schedule.xml');
		const dir = await mkdtemp(path.join(tmpdir(), 'edelweiss-frab-'));
		try {
			await writeFile(path.join(dir, 'schedule.xml'), xml);
			expect(await xsdErrors(path.join(dir, 'schedule.xml'))).toBe('');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
		const parsed = new XMLParser({
			ignoreAttributes: false,
			attributeNamePrefix: '@',
			isArray: (name) => ['event', 'person', 'link'].includes(name),
		}).parse(xml);
		expect(parsed.schedule.conference.title).toBe('Demo & <Friends> 2024');
		const room = parsed.schedule.day.room;
		expect(room['@name']).toBe('Room <A>');
		const [quoted] = room.event;
		expect(quoted).toMatchObject({
			title: 'Quotes "in" <titles> & more',
			abstract: "It's <b>not</b> HTML",
			description: 'Line one & <two>\n\nParagraph "three"',
			track: 'Tools & tricks',
			duration: '00:30',
			recording: { license: 'CC-BY-4.0', optout: false },
		});
		expect(quoted.persons.person).toEqual([
			{ '#text': 'Ada "The Countess" Lovelace', '@id': '7' },
			'Grace & Co',
		]);
		expect(quoted.links.link).toEqual([
			{ '#text': 'Slides <pdf>', '@href': 'https://example.org/a?b=1&c=2', '@type': 'slides' },
		]);
	});
});

describe('frabJson', () => {
	const event = {
		id: 'demo-2024',
		title: 'Demo 2024',
		start: '2024-03-09',
		end: '2024-03-09',
		timeZone: 'Europe/Brussels',
		url: 'https://hub.example/events/demo-2024/',
		talks: [
			talk({ id: 'demo-2024/a', topics: ['musl', 'Alpine Linux'] }),
			talk({ id: 'demo-2024/b', start: '11:00', topics: ['musl'] }),
		],
	};

	it('gives the conference its talks’ topics as keywords, the one place C3VOC has for them, and stays valid', () => {
		const json = JSON.parse(frabJson(event, 'https://hub.example/events/demo-2024/schedule.json'));
		expect(json.schedule.conference.keywords).toEqual(['Alpine Linux', 'musl']);
		const validate = vocJsonValidator();
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
		const untopical = JSON.parse(
			frabJson({ ...event, talks: [talk({ id: 'demo-2024/c' })] }, 'https://hub.example/s.json'),
		);
		expect(untopical.schedule.conference).not.toHaveProperty('keywords');
	});
});
