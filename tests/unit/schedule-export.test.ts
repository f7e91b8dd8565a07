import { describe, expect, it } from 'vitest';
import { exportDays, scheduleAcronym, stableUuid, talkNumbers, type ExportTalk } from '../../src/lib/schedule/export-model';
import { escapeText, foldLine, icsCalendar, vtimezone } from '../../src/lib/schedule/ics';
import { parseCalendar } from '../helpers/schedule-checks';

const talk = (overrides: Partial<ExportTalk>): ExportTalk => ({
	id: 'e/t',
	title: 'T',
	day: '2024-03-09',
	start: '10:00',
	duration: 30,
	kind: 'talk',
	url: 'https://hub.example/talks/e/t/',
	speakers: [],
	links: [],
	...overrides,
});

describe('iCalendar text', () => {
	it('escapes backslashes, semicolons, commas and newlines', () => {
		expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
	});

	it('folds at 75 octets without splitting a UTF-8 character', () => {
		const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(80)}`);
		expect(foldLine('SHORT:line')).toBe('SHORT:line');
		// Three- and four-octet characters are never split either.
		const wide = `SUMMARY:${'€🏔'.repeat(30)}`;
		expect(foldLine(wide).split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(foldLine(wide).replace(/\r\n /g, '')).toBe(wide);
	});

	it('describes a zone’s offset changes, and a fixed zone with one observance', () => {
		const brussels = vtimezone('Europe/Brussels', 2024, 2024).join('\n');
		expect(brussels).toContain('BEGIN:DAYLIGHT\nDTSTART:20240331T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200');
		expect(brussels).toContain('BEGIN:STANDARD\nDTSTART:20241027T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100');
		expect(vtimezone('Etc/GMT-1', 2020, 2020)).toEqual([
			'BEGIN:VTIMEZONE',
			'TZID:Etc/GMT-1',
			'BEGIN:STANDARD',
			'DTSTART:19700101T000000',
			'TZOFFSETFROM:+0100',
			'TZOFFSETTO:+0100',
			'END:STANDARD',
			'END:VTIMEZONE',
		]);
	});

	it('writes times that a parser resolves through the VTIMEZONE, across DST', () => {
		const text = icsCalendar({
			name: 'Test, with comma',
			timeZone: 'Europe/Brussels',
			stamp: '20240301T000000Z',
			entries: [
				{ uid: 'a@hub', day: '2024-03-30', start: '10:00', durationMinutes: 45, summary: 'Before the change' },
				{ uid: 'b@hub', day: '2024-03-31', start: '10:00', durationMinutes: 45, summary: 'After the change' },
				{ uid: 'c@hub', day: '2024-03-31', summary: 'All day' },
			],
		});
		const { events } = parseCalendar(text);
		expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
			'2024-03-30T09:00:00.000Z',
			'2024-03-31T08:00:00.000Z',
			expect.any(String),
		]);
		expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2024-03-30T09:45:00.000Z');
		expect(events[2]!.startDate.isDate).toBe(true);
	});
});

describe('schedule export helpers', () => {
	it('keeps schedule ids and derives stable, unique ones for the rest', () => {
		const imported = talk({ id: 'e/a', sourceId: 12 });
		const sameId = talk({ id: 'e/b', sourceId: 12 });
		const own = talk({ id: 'e/c' });
		const numbers = talkNumbers([own, imported, sameId]);
		expect(numbers.get(imported)).toBe(12);
		expect(numbers.get(sameId)).toBe(13);
		expect(numbers.get(own)).toBe(talkNumbers([own]).get(own));
		expect(stableUuid('talk:e/c')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(stableUuid('talk:e/c')).toBe(stableUuid('talk:e/c'));
	});

	it('writes acronyms the C3VOC schema accepts', () => {
		expect(scheduleAcronym('fosdem-2020')).toBe('fosdem_2020');
		expect(scheduleAcronym('dc')).toBe('dc__');
	});

	it('lists every day of the event with its bounds and its rooms', () => {
		const days = exportDays({
			id: 'e',
			title: 'E',
			start: '2024-03-09',
			end: '2024-03-10',
			timeZone: 'Europe/Brussels',
			url: 'https://hub.example/events/e/',
			talks: [talk({ id: 'e/late', start: '16:00', room: 'B' }), talk({ id: 'e/early', start: '09:00', room: 'A' })],
		});
		expect(days.map((day) => [day.date, day.start, day.rooms.map((room) => room.name)])).toEqual([
			['2024-03-09', '2024-03-09T00:00:00+01:00', ['A', 'B']],
			['2024-03-10', '2024-03-10T00:00:00+01:00', []],
		]);
	});
});
