import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar, vtimezone } from '#lib/schedule/ics.ts';
import { parseCalendar } from '../../helpers/schedule-checks';

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
		expect(
			foldLine(wide)
				.split('\r\n')
				.every((line) => Buffer.byteLength(line) <= 75),
		).toBe(true);
		expect(foldLine(wide).replace(/\r\n /g, '')).toBe(wide);
	});

	it('describes a zone’s offset changes, and a fixed zone with one observance', () => {
		const brussels = vtimezone('Europe/Brussels', 2024, 2024).join('\n');
		expect(brussels).toContain(
			'BEGIN:DAYLIGHT\nDTSTART:20240331T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200',
		);
		expect(brussels).toContain(
			'BEGIN:STANDARD\nDTSTART:20241027T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100',
		);
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
				{
					uid: 'a@hub',
					day: '2024-03-30',
					start: '10:00',
					durationMinutes: 45,
					summary: 'Before the change',
				},
				{
					uid: 'b@hub',
					day: '2024-03-31',
					start: '10:00',
					durationMinutes: 45,
					summary: 'After the change',
				},
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
