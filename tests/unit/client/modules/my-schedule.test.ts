import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { myScheduleCalendar, readStarred } from '#client/modules/my-schedule.ts';
import { icsCalendar } from '#lib/schedule/ics.ts';

const calendar = (year: string, uids: string[]) =>
	icsCalendar({
		name: `Conf ${year}`,
		timeZone: 'Europe/Brussels',
		stamp: '20250101T000000Z',
		entries: uids.map((uid, index) => ({
			uid,
			day: `${year}-06-14`,
			start: `1${index}:00`,
			durationMinutes: 30,
			summary: `A talk with a title long enough to be folded over more than one line of the calendar file, number ${index}`,
		})),
	});

describe('myScheduleCalendar', () => {
	it('keeps the starred talks of several events, with one time zone holding every year’s rules', () => {
		const text = myScheduleCalendar(
			[calendar('2024', ['a@hub.example', 'b@hub.example']), calendar('2025', ['c@hub.example'])],
			new Set(['b@hub.example', 'c@hub.example']),
		);
		const parsed = new ICAL.Component(ICAL.parse(text));
		const zones = parsed.getAllSubcomponents('vtimezone');
		expect(zones).toHaveLength(1);
		ICAL.TimezoneService.register(zones[0]!);
		const events = parsed.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
		expect(events.map((event) => [event.uid, event.startDate.toJSDate().toISOString()])).toEqual([
			['b@hub.example', '2024-06-14T09:00:00.000Z'],
			['c@hub.example', '2025-06-14T08:00:00.000Z'],
		]);
		expect(events[0]!.summary).toMatch(/number 1$/);
		expect(text.split('\r\n').every((line) => line.length <= 75)).toBe(true);
	});
});

describe('readStarred', () => {
	it('reads stored talks in time order and shrugs off anything else', () => {
		const talk = (uid: string, start: string) => ({
			uid,
			title: uid,
			url: '/',
			start,
			when: '',
			where: '',
			event: '',
			calendar: '/c.ics',
		});
		const stored = JSON.stringify({
			talks: {
				b: talk('b', '2025-06-14T10:00:00+02:00'),
				a: talk('a', '2025-06-14T09:00:00+02:00'),
				bad: { title: 'x' },
			},
		});
		expect(readStarred(stored).map((item) => item.uid)).toEqual(['a', 'b']);
		expect(readStarred('not json')).toEqual([]);
		expect(readStarred(null)).toEqual([]);
	});
});
