import { describe, expect, it } from 'vitest';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';
import { scheduleRejection } from '../../helpers/schedule-checks';

describe('parseSchedule', () => {
	it('reads XML as frab schedule.xml and JSON as schedule.json, after a byte-order mark or blank space', () => {
		const xml =
			'\uFEFF<?xml version="1.0"?><schedule><conference><title>X</title></conference></schedule>';
		expect(parseSchedule(xml, 'x.xml')).toMatchObject({ format: 'frab-xml', title: 'X' });
		const json = '\n {"schedule": {"conference": {"title": "J", "days": []}}}';
		expect(parseSchedule(json, 'x.json')).toMatchObject({ format: 'frab-json', title: 'J' });
	});

	it('rejects text that is neither, saying what it found', () => {
		const error = scheduleRejection(() =>
			parseSchedule('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', 'talks.ics'),
		);
		expect(error.message).toMatch(
			/^talks\.ics: line 1: expected a frab schedule\.xml or schedule\.json, found text starting "BEGIN:VCALENDAR/,
		);
		expect(scheduleRejection(() => parseSchedule('', 'empty.xml')).message).toContain(
			'an empty file',
		);
	});
});
