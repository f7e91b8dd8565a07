import { describe, expect, it } from 'vitest';
import { addMinutes, formatDateRange, formatDayHeading, formatTimeRange, zonedDateTime } from '../../src/lib/dates';

describe('zonedDateTime', () => {
	it('gives the offset in force on that day', () => {
		expect(zonedDateTime('2020-02-01', '10:30', 'Europe/Brussels')).toBe('2020-02-01T10:30:00+01:00');
		expect(zonedDateTime('2021-05-15', '18:00', 'America/Los_Angeles')).toBe('2021-05-15T18:00:00-07:00');
		expect(zonedDateTime('2021-05-15', '18:00', 'UTC')).toBe('2021-05-15T18:00:00+00:00');
		expect(zonedDateTime('2024-03-10', '12:00', 'Asia/Kolkata')).toBe('2024-03-10T12:00:00+05:30');
	});
	it('settles the offset right after a DST change', () => {
		expect(zonedDateTime('2020-03-29', '03:30', 'Europe/Brussels')).toBe('2020-03-29T03:30:00+02:00');
		expect(zonedDateTime('2020-03-29', '01:30', 'Europe/Brussels')).toBe('2020-03-29T01:30:00+01:00');
	});
});

describe('formatting', () => {
	it('formats days, ranges and times', () => {
		expect(formatDayHeading('2020-02-01')).toBe('Saturday, 1 February 2020');
		expect(formatDateRange('2020-02-01', '2020-02-02')).toMatch(/^1\s*–\s*2 February 2020$/);
		expect(formatTimeRange('10:30', 40)).toBe('10:30–11:10');
		expect(formatTimeRange('10:30')).toBe('10:30');
	});
	it('wraps past midnight', () => {
		expect(addMinutes('23:30', 45)).toBe('00:15');
	});
});
