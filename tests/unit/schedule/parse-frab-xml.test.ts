import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrabXml } from '../../../src/lib/schedule/parse-frab-xml';
import { scheduleRejection } from '../../helpers/schedule-checks';

const fosdem = readFileSync(new URL('../../fixtures/schedules/fosdem-2020.xml', import.meta.url), 'utf8');
const rejectXml = (source: string, file = 'schedule.test') => scheduleRejection(() => parseFrabXml(source, file));

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
		expect(kernel.links.map((link) => link.url)).toContain('https://video.fosdem.org/2020/Janson/linux_kernel.webm');
	});

	it('rejects truncated XML, naming the elements left open', () => {
		const error = rejectXml(fosdem.slice(0, 5000), 'fosdem-2020.xml');
		expect(error.file).toBe('fosdem-2020.xml');
		expect(error.location).toBe(`end of file (line ${fosdem.slice(0, 5000).split('\n').length})`);
		expect(error.detail).toMatch(/^not well-formed XML: <schedule> <day> <room> <event>.* never closed; is the file truncated\?$/);
	});

	it('rejects broken XML with its line and column', () => {
		const error = rejectXml('<schedule>\n  <conference><title>X</titel></conference>\n</schedule>');
		expect(error.location).toMatch(/^line 2, column \d+$/);
		expect(error.detail).toMatch(/^not well-formed XML: .*title/);
	});

	it('rejects a day without a date', () => {
		const error = rejectXml(minimalXml('<day index="2"><room name="A"/></day>'));
		expect(error.location).toBe('<day> 2');
		expect(error.detail).toBe('expected a date="YYYY-MM-DD" attribute, found none');
	});

	it('rejects an event without a title, naming its day, room and id', () => {
		const error = rejectXml(minimalXml(xmlEvent('<title/><start>10:00</start><duration>00:30</duration>')));
		expect(error.message).toBe('schedule.test: day 2024-03-09, room "A", event 7: expected a <title>');
	});

	it('rejects start times and durations it cannot read', () => {
		expect(rejectXml(minimalXml(xmlEvent('<title>T</title><start>ten</start>'))).detail).toBe(
			'expected <start> written HH:MM, found "ten"',
		);
		expect(rejectXml(minimalXml(xmlEvent('<title>T</title><start>10:00</start><duration>long</duration>'))).detail).toBe(
			'expected <duration> written HH:MM or HH:MM:SS, found "long"',
		);
	});

	it('reads a duration written HH:MM:SS', () => {
		const schedule = parseFrabXml(minimalXml(xmlEvent('<title>T</title><start>10:00</start><duration>00:45:00</duration>')), 'x.xml');
		expect(schedule.talks[0]!.durationMinutes).toBe(45);
	});
});
