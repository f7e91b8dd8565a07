import { describe, expect, it } from 'vitest';
import { parseClock, parseDuration, ScheduleError, scheduleId } from '#lib/schedule/model.ts';

describe('parseDuration', () => {
	it('reads minutes written HH:MM, HH:MM:SS or as a number, rounding seconds', () => {
		expect(parseDuration('00:25')).toBe(25);
		expect(parseDuration('01:30:00')).toBe(90);
		expect(parseDuration('1:05')).toBe(65);
		expect(parseDuration('00:10:30')).toBe(11);
		expect(parseDuration(' 45 ')).toBe(45);
		expect(parseDuration('half an hour')).toBeUndefined();
	});
});

describe('parseClock', () => {
	it('reads a time of day as HH:MM', () => {
		expect(parseClock('9:30')).toBe('09:30');
		expect(parseClock('09:30:00')).toBe('09:30');
		expect(parseClock('24:00')).toBeUndefined();
		expect(parseClock('ten')).toBeUndefined();
	});
});

describe('scheduleId', () => {
	it('keep numeric ids numbers, so XML and JSON exports of one schedule agree', () => {
		expect(scheduleId('9025')).toBe(9025);
		expect(scheduleId('0123')).toBe('0123');
		expect(scheduleId('a1')).toBe('a1');
		expect(scheduleId(undefined)).toBeUndefined();
	});
});

describe('ScheduleError', () => {
	it('names the file and where in it', () => {
		const error = new ScheduleError('fosdem.xml', 'line 3, column 7', 'not well-formed XML');
		expect(error.message).toBe('fosdem.xml: line 3, column 7: not well-formed XML');
		expect(error).toMatchObject({
			name: 'ScheduleError',
			file: 'fosdem.xml',
			location: 'line 3, column 7',
		});
	});
});
