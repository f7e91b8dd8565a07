import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrabXml } from '#lib/schedule/parse-frab-xml.ts';
import { scheduleRejection } from '../../helpers/schedule-checks';

const fosdem = readFileSync(
	new URL('../../fixtures/schedules/fosdem-2020.xml', import.meta.url),
	'utf8',
);
const rejectXml = (source: string, file = 'schedule.test') =>
	scheduleRejection(() => parseFrabXml(source, file));

const minimalXml = (day: string) =>
	`<?xml version="1.0"?><schedule><conference><title>Mini</title></conference>${day}</schedule>`;
const xmlEvent = (inner: string) =>
	`<day index="1" date="2024-03-09"><room name="A"><event id="7">${inner}</event></room></day>`;

describe('reading frab schedule.xml', () => {
	it('reads every FOSDEM 2020 event with its people, links and attachments', () => {
		const schedule = parseFrabXml(fosdem, 'fosdem-2020.xml');
		expect(schedule.format).toBe('frab-xml');
		expect(schedule.title).toBe('FOSDEM 2020');
		expect(schedule.talks).toHaveLength(872);
		expect(schedule.days.map((day) => day.date)).toEqual(['2020-02-01', '2020-02-02']);
		const kernel = schedule.talks.find((talk) => talk.id === 10715)!;
		expect(kernel).toMatchObject({
			title: 'The Linux Kernel: We have to finish this thing one day ;)',
			start: '10:00',
			durationMinutes: 50,
			room: 'Janson',
			track: 'Keynotes',
			type: 'keynote',
			persons: [{ id: 7368, name: 'Thorsten Leemhuis' }],
		});
		expect(kernel.abstract).toMatch(/^<p>Today's Linux kernel/);
		expect(kernel.attachments[0]).toMatchObject({ type: 'slides' });
		expect(kernel.links.map((link) => link.url)).toContain(
			'https://video.fosdem.org/2020/Janson/linux_kernel.webm',
		);
	});

	it('rejects truncated XML, naming the elements left open', () => {
		const error = rejectXml(fosdem.slice(0, 5000), 'fosdem-2020.xml');
		expect(error.file).toBe('fosdem-2020.xml');
		expect(error.location).toBe(`end of file (line ${fosdem.slice(0, 5000).split('\n').length})`);
		expect(error.detail).toMatch(
			/^not well-formed XML: <schedule> <day> <room> <event>.* never closed; is the file truncated\?$/,
		);
	});

	it('rejects broken XML with its line and column', () => {
		const error = rejectXml('<schedule>\n  <conference><title>X</titel></conference>\n</schedule>');
		expect(error.location).toMatch(/^line 2, column \d+$/);
		expect(error.detail).toMatch(/^not well-formed XML: .*title/);
	});

	it('rejects a day without a date', () => {
		const error = rejectXml(minimalXml('<day index="2"><room name="A"/></day>'));
		expect(error.location).toBe('<day> 2');
		expect(error.detail).toBe(
			'expected a date="YYYY-MM-DD" attribute with a real date, found none',
		);
	});

	it('rejects an event without a title, naming its day, room and id', () => {
		const error = rejectXml(
			minimalXml(xmlEvent('<title/><start>10:00</start><duration>00:30</duration>')),
		);
		expect(error.message).toBe(
			'schedule.test: day 2024-03-09, room "A", event 7: expected a <title>',
		);
	});

	it('rejects start times and durations it cannot read', () => {
		expect(rejectXml(minimalXml(xmlEvent('<title>T</title><start>ten</start>'))).detail).toBe(
			'expected <start> written HH:MM, found "ten"',
		);
		expect(
			rejectXml(
				minimalXml(xmlEvent('<title>T</title><start>10:00</start><duration>long</duration>')),
			).detail,
		).toBe('expected <duration> written HH:MM or HH:MM:SS, found "long"');
	});

	it('refuses speakers written as text straight into <persons>, rather than dropping them', () => {
		const error = rejectXml(
			minimalXml(xmlEvent('<title>T</title><start>10:00</start><persons>Ada, Bob</persons>')),
		);
		expect(error.message).toBe(
			'schedule.test: day 2024-03-09, room "A", event 7: expected <person> elements inside <persons>, found the text "Ada, Bob"',
		);
	});

	it('reads a duration written HH:MM:SS', () => {
		const schedule = parseFrabXml(
			minimalXml(xmlEvent('<title>T</title><start>10:00</start><duration>00:45:00</duration>')),
			'x.xml',
		);
		expect(schedule.talks[0]!.durationMinutes).toBe(45);
	});
});

describe('reading the Pentabarf layout of FOSDEM 2007–2012', () => {
	const pentabarf = readFileSync(
		new URL('../../fixtures/schedules/pentabarf-layout.xml', import.meta.url),
		'utf8',
	);

	it('reads events placed directly under their day, each naming its room', () => {
		const schedule = parseFrabXml(pentabarf, 'pentabarf-layout.xml');
		expect(schedule.talks.map((talk) => [talk.id, talk.dayDate, talk.room])).toEqual([
			[20, '2010-02-06', 'Ferrer'],
			[39, '2010-02-06', 'AW1.124'],
			[40, '2010-02-06', 'AW1.124'],
			[52, '2010-02-07', 'H.1308'],
		]);
		expect(schedule.talks[0]!.location).toBe('day 2010-02-06, room "Ferrer", event 20');
		expect(schedule.days.map((day) => day.dayStart)).toEqual(['09:00', '09:00']);
	});

	it('decodes character references in titles and names (Firmware&#39;s, D&#39;Example)', () => {
		const talk = parseFrabXml(pentabarf, 'pentabarf-layout.xml').talks.find(
			(candidate) => candidate.id === 39,
		)!;
		expect(talk.title).toBe("Firmware's first steps");
		expect(talk.persons).toEqual([{ id: 391, guid: undefined, name: "Bo D'Example" }]);
		expect(talk.abstract).toBe('<p>What a board does before the operating system starts.\n</p>');
	});

	it('reads both layouts in one file', () => {
		const day =
			'<day index="1" date="2024-03-09"><event id="1"><title>Loose</title><start>09:00</start><room>A</room></event><room name="B"><event id="2"><title>Wrapped</title><start>10:00</start></event></room></day>';
		const schedule = parseFrabXml(minimalXml(day), 'x.xml');
		expect(schedule.talks.map((talk) => [talk.title, talk.room])).toEqual([
			['Loose', 'A'],
			['Wrapped', 'B'],
		]);
	});

	it('refuses a file whose <event>s sit where no layout puts them, instead of importing 0 talks', () => {
		const source = minimalXml(
			'<day index="1" date="2024-03-09"><track name="T"><event id="5"><title>Lost</title><start>09:00</start></event><event id="6"><title>Lost too</title><start>10:00</start></event></track></day>',
		);
		const error = rejectXml(source, 'odd.xml');
		expect(error.message).toBe(
			'odd.xml: document: 2 <event> elements are where no known layout puts them (schedule > day > track > event 5, schedule > day > track > event 6); expected each under <day> or under <day><room name>',
		);
	});
});
