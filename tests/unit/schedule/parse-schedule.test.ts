import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDuration, ScheduleError } from '../../../src/lib/schedule/model';
import { parseSchedule } from '../../../src/lib/schedule/parse-schedule';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/schedules/${name}`, import.meta.url), 'utf8');
const fosdem = fixture('fosdem-2020.xml');
const democon = fixture('pretalx-democon.json');

/** The error a parse throws, so tests can check where it points. */
function parseError(source: string, file = 'schedule.test'): ScheduleError {
	try {
		parseSchedule(source, file);
	} catch (error) {
		if (error instanceof ScheduleError) return error;
		throw error;
	}
	throw new Error('expected the schedule to be rejected');
}

const minimalXml = (day: string) =>
	`<?xml version="1.0"?><schedule><conference><title>Mini</title></conference>${day}</schedule>`;
const xmlEvent = (inner: string) =>
	`<day index="1" date="2024-03-09"><room name="A"><event id="7">${inner}</event></room></day>`;

describe('reading frab schedule.xml', () => {
	it('reads every FOSDEM 2020 event with its people, links and attachments', () => {
		const schedule = parseSchedule(fosdem, 'fosdem-2020.xml');
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
		expect(kernel.links.map((link) => link.url)).toContain('https://video.fosdem.org/2020/Janson/linux_kernel.webm');
	});

	it('reads durations written HH:MM and HH:MM:SS', () => {
		expect(parseDuration('00:25')).toBe(25);
		expect(parseDuration('01:30:00')).toBe(90);
		expect(parseDuration('1:05')).toBe(65);
		expect(parseDuration('half an hour')).toBeUndefined();
		const schedule = parseSchedule(minimalXml(xmlEvent('<title>T</title><start>10:00</start><duration>00:45:00</duration>')), 'x.xml');
		expect(schedule.talks[0]!.durationMinutes).toBe(45);
	});

	it('rejects text that is not XML or JSON', () => {
		const error = parseError('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', 'talks.ics');
		expect(error.message).toMatch(/^talks\.ics: line 1: expected a frab schedule\.xml or schedule\.json, found text starting "BEGIN:VCALENDAR/);
		expect(parseError('').message).toContain('an empty file');
	});

	it('rejects truncated XML, naming the elements left open', () => {
		const error = parseError(fosdem.slice(0, 5000), 'fosdem-2020.xml');
		expect(error.file).toBe('fosdem-2020.xml');
		expect(error.location).toBe(`end of file (line ${fosdem.slice(0, 5000).split('\n').length})`);
		expect(error.detail).toMatch(/^not well-formed XML: <schedule> <day> <room> <event>.* never closed; is the file truncated\?$/);
	});

	it('rejects broken XML with its line and column', () => {
		const error = parseError('<schedule>\n  <conference><title>X</titel></conference>\n</schedule>');
		expect(error.location).toMatch(/^line 2, column \d+$/);
		expect(error.detail).toMatch(/^not well-formed XML: .*title/);
	});

	it('rejects a day without a date', () => {
		const error = parseError(minimalXml('<day index="2"><room name="A"/></day>'));
		expect(error.location).toBe('<day> 2');
		expect(error.detail).toBe('expected a date="YYYY-MM-DD" attribute, found none');
	});

	it('rejects an event without a title, naming its day, room and id', () => {
		const error = parseError(minimalXml(xmlEvent('<title/><start>10:00</start><duration>00:30</duration>')));
		expect(error.message).toBe('schedule.test: day 2024-03-09, room "A", event 7: expected a <title>');
	});

	it('rejects start times and durations it cannot read', () => {
		expect(parseError(minimalXml(xmlEvent('<title>T</title><start>ten</start>'))).detail).toBe(
			'expected <start> written HH:MM, found "ten"',
		);
		expect(parseError(minimalXml(xmlEvent('<title>T</title><start>10:00</start><duration>long</duration>'))).detail).toBe(
			'expected <duration> written HH:MM or HH:MM:SS, found "long"',
		);
	});
});

describe('reading frab/pretalx schedule.json', () => {
	it('reads the pretalx DemoCon export', () => {
		const schedule = parseSchedule(democon, 'pretalx-democon.json');
		expect(schedule.format).toBe('frab-json');
		expect(schedule).toMatchObject({ title: 'DemoCon', acronym: 'democon', timeZoneName: 'UTC' });
		expect(schedule.talks).toHaveLength(36);
		const first = schedule.talks.find((talk) => talk.id === 25)!;
		expect(first).toMatchObject({
			guid: '8079583e-8321-506c-95af-fd2903a5f075',
			dateTime: '2020-12-14T09:00:00+01:00',
			durationMinutes: 30,
			room: 'Gray Room',
			language: 'en',
			persons: [{ id: 26, name: 'Brian Robinson' }],
		});
		expect(schedule.days[0]).toEqual({ date: '2020-12-14', dayStart: '04:00' });
	});

	it('rejects truncated JSON', () => {
		const error = parseError(democon.slice(0, 2000), 'pretalx-democon.json');
		expect(error.message).toMatch(/^pretalx-democon\.json: (end of file|line \d+, column \d+).*: not valid JSON/);
	});

	it('locates a JSON syntax error by line and column', () => {
		const error = parseError('{\n  "schedule": {\n    "version": 1,,\n  }\n}');
		expect(error.location).toBe('line 3, column 18');
	});

	it('rejects a day without a date and an event without a title', () => {
		const broken = JSON.parse(democon);
		delete broken.schedule.conference.days[1].date;
		expect(parseError(JSON.stringify(broken)).message).toBe(
			'schedule.test: schedule.conference.days[1]: expected a "date" written YYYY-MM-DD, found none',
		);
		const untitled = JSON.parse(democon);
		untitled.schedule.conference.days[0].rooms['Gray Room'][1].title = '';
		expect(parseError(JSON.stringify(untitled)).message).toBe(
			'schedule.test: schedule.conference.days[0].rooms["Gray Room"][1] (id 26): expected a "title"',
		);
	});
});
