import { describe, expect, it } from 'vitest';
import {
	buildDay,
	formatDateRange,
	formatDayHeading,
	formatDuration,
	formatMonth,
	formatPlainDate,
	formatTimeRange,
} from '#lib/view/dates.ts';

describe('formatting', () => {
	it('formats days, ranges and times', () => {
		expect(formatDayHeading('2020-02-01')).toBe('Saturday, 1 February 2020');
		expect(formatDateRange('2020-02-01', '2020-02-02')).toMatch(/^1\s*–\s*2 February 2020$/);
		expect(formatTimeRange('10:30', 40)).toBe('10:30–11:10');
		expect(formatTimeRange('10:30')).toBe('10:30');
	});
	it('formats single dates, months and durations', () => {
		expect(formatPlainDate('2021-05-18')).toBe('18 May 2021');
		expect(formatMonth('2021-11')).toBe('November 2021');
		expect(formatDuration(90)).toBe('1 h 30 min');
		expect(formatDuration(40)).toBe('40 min');
	});
	it('ends a time range past midnight on the next clock time', () => {
		expect(formatTimeRange('23:30', 45)).toBe('23:30–00:15');
	});
});

describe('buildDay', () => {
	it('is the day of the build, as a plain date', () => {
		expect(buildDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Math.abs(Date.parse(buildDay) - Date.now())).toBeLessThan(2 * 86_400_000);
	});
});
