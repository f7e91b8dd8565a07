import { describe, expect, it } from 'vitest';
import {
	addMinutes,
	clockMinutes,
	clockText,
	conferenceDay,
	fixedOffsetZone,
	formatOffset,
	isPlainDate,
	isTimeZone,
	nextDate,
	offsetMinutes,
	parseOffset,
	plainDateOf,
	previousDate,
	wallClock,
	zonedDateTime,
} from '#lib/time.ts';

describe('plain dates', () => {
	it('accepts real calendar dates only', () => {
		expect(isPlainDate('2020-02-29')).toBe(true);
		for (const value of [
			'2021-13-01',
			'2021-02-30',
			'2021-02-29',
			'2021-5-1',
			'18/05/2021',
			'2021-05-18T10:00',
		]) {
			expect(isPlainDate(value), value).toBe(false);
		}
	});

	it('takes the date a date-time begins with, when it is a real one', () => {
		expect(plainDateOf('2020-02-01T10:00:00+01:00')).toBe('2020-02-01');
		expect(plainDateOf('2020-02-01')).toBe('2020-02-01');
		expect(plainDateOf('2020-13-01T10:00')).toBeUndefined();
		expect(plainDateOf('soon')).toBeUndefined();
		expect(plainDateOf(undefined)).toBeUndefined();
	});

	it('steps to the next date across months, leap days and years', () => {
		expect(nextDate('2020-02-28')).toBe('2020-02-29');
		expect(nextDate('2020-02-29')).toBe('2020-03-01');
		expect(nextDate('2020-12-31')).toBe('2021-01-01');
	});
});

describe('clock arithmetic', () => {
	it('reads a clock as minutes', () => {
		expect(clockMinutes('10:30')).toBe(630);
		expect(clockMinutes('00:05')).toBe(5);
	});

	it('writes minutes as a clock', () => {
		expect(clockText(90)).toBe('01:30');
		expect(clockText(5, '')).toBe('0005');
		expect(clockText(1500)).toBe('25:00');
	});

	it('adds minutes, wrapping past midnight either way', () => {
		expect(addMinutes('10:30', 40)).toBe('11:10');
		expect(addMinutes('23:30', 45)).toBe('00:15');
		expect(addMinutes('00:10', -20)).toBe('23:50');
	});
});

describe('time zones and offsets', () => {
	it('knows IANA names and rejects misspellings and abbreviations', () => {
		expect(isTimeZone('Europe/Brussels')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('Europe/Brusels')).toBe(false);
		expect(isTimeZone('CET')).toBe(false);
	});

	it('gives a zone’s offset at an instant, DST and half hours included', () => {
		expect(offsetMinutes(Date.parse('2020-02-01T12:00:00Z'), 'Europe/Brussels')).toBe(60);
		expect(offsetMinutes(new Date('2020-07-01T12:00:00Z'), 'Europe/Brussels')).toBe(120);
		expect(offsetMinutes(Date.parse('2021-05-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
		expect(offsetMinutes(Date.parse('2024-03-10T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
		expect(offsetMinutes(Date.parse('2024-03-10T12:00:00Z'), 'UTC')).toBe(0);
	});

	it('writes and reads offsets as ISO 8601 and iCalendar do', () => {
		expect(formatOffset(60)).toBe('+01:00');
		expect(formatOffset(-420)).toBe('-07:00');
		expect(formatOffset(330, '')).toBe('+0530');
		expect(formatOffset(0)).toBe('+00:00');
		expect(parseOffset('2020-12-14T09:00:00+01:00')).toBe(60);
		expect(parseOffset('2020-12-14T09:00-0330')).toBe(-210);
		expect(parseOffset('2020-12-14T08:00:00.000Z')).toBe(0);
		expect(parseOffset('+05:30')).toBe(330);
		expect(parseOffset('2020-12-14T09:00:00')).toBeUndefined();
		expect(parseOffset('2020-12-14')).toBeUndefined();
	});

	it('names fixed whole-hour offsets with inverted Etc/GMT signs', () => {
		expect(fixedOffsetZone(60)).toBe('Etc/GMT-1');
		expect(fixedOffsetZone(-300)).toBe('Etc/GMT+5');
		expect(fixedOffsetZone(0)).toBe('UTC');
		expect(fixedOffsetZone(330)).toBeUndefined();
	});
});

describe('zonedDateTime and wallClock', () => {
	it('gives the offset in force on that day', () => {
		expect(zonedDateTime('2020-02-01', '10:30', 'Europe/Brussels')).toBe(
			'2020-02-01T10:30:00+01:00',
		);
		expect(zonedDateTime('2021-05-15', '18:00', 'America/Los_Angeles')).toBe(
			'2021-05-15T18:00:00-07:00',
		);
		expect(zonedDateTime('2021-05-15', '18:00', 'UTC')).toBe('2021-05-15T18:00:00+00:00');
		expect(zonedDateTime('2024-03-10', '12:00', 'Asia/Kolkata')).toBe('2024-03-10T12:00:00+05:30');
	});

	it('settles the offset right after a DST change', () => {
		expect(zonedDateTime('2020-03-29', '03:30', 'Europe/Brussels')).toBe(
			'2020-03-29T03:30:00+02:00',
		);
		expect(zonedDateTime('2020-03-29', '01:30', 'Europe/Brussels')).toBe(
			'2020-03-29T01:30:00+01:00',
		);
	});

	it('reads an instant on a zone’s clock, onto another date where it must', () => {
		expect(wallClock(Date.parse('2020-02-01T09:00:00Z'), 'Europe/Brussels')).toEqual({
			day: '2020-02-01',
			start: '10:00',
		});
		expect(wallClock(Date.parse('2020-02-01T23:30:00Z'), 'Europe/Brussels')).toEqual({
			day: '2020-02-02',
			start: '00:30',
		});
		expect(wallClock(Date.parse('2020-02-01T03:00:00Z'), 'America/Los_Angeles')).toEqual({
			day: '2020-01-31',
			start: '19:00',
		});
	});

	it('round-trips a wall-clock time through its instant', () => {
		for (const [day, time, zone] of [
			['2020-03-29', '03:30', 'Europe/Brussels'],
			['2024-11-03', '12:15', 'America/New_York'],
			['2024-03-10', '00:05', 'Asia/Kolkata'],
		] as const) {
			expect(wallClock(Date.parse(zonedDateTime(day, time, zone)), zone)).toEqual({
				day,
				start: time,
			});
		}
	});
});

describe('conferenceDay', () => {
	it('counts a talk before the hour the day changes as part of the day before, across months and leap days', () => {
		expect(previousDate('2020-03-01')).toBe('2020-02-29');
		expect(conferenceDay('2020-03-01', '00:50', '06:00')).toBe('2020-02-29');
		expect(conferenceDay('2020-03-01', '06:00', '06:00')).toBe('2020-03-01');
		expect(conferenceDay('2020-03-01', '00:50', undefined)).toBe('2020-03-01');
		expect(conferenceDay('2020-03-01', undefined, '06:00')).toBe('2020-03-01');
	});
});
