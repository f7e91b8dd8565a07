import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrabJson } from '#lib/schedule/parse-frab-json.ts';
import { scheduleRejection } from '../../helpers/schedule-checks';

const democon = readFileSync(
	new URL('../../fixtures/schedules/pretalx-democon.json', import.meta.url),
	'utf8',
);
const rejectJson = (source: string, file = 'schedule.test') =>
	scheduleRejection(() => parseFrabJson(source, file));

describe('reading frab/pretalx schedule.json', () => {
	it('reads the pretalx DemoCon export', () => {
		const schedule = parseFrabJson(democon, 'pretalx-democon.json');
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
		const error = rejectJson(democon.slice(0, 2000), 'pretalx-democon.json');
		expect(error.message).toMatch(
			/^pretalx-democon\.json: (end of file|line \d+, column \d+).*: not valid JSON/,
		);
	});

	it('locates a JSON syntax error by line and column', () => {
		const error = rejectJson('{\n  "schedule": {\n    "version": 1,,\n  }\n}');
		expect(error.location).toBe('line 3, column 18');
	});

	it('rejects a day without a date and an event without a title', () => {
		const broken = JSON.parse(democon);
		delete broken.schedule.conference.days[1].date;
		expect(rejectJson(JSON.stringify(broken)).message).toBe(
			'schedule.test: schedule.conference.days[1]: expected a "date" written YYYY-MM-DD with a real date, found none',
		);
		const untitled = JSON.parse(democon);
		untitled.schedule.conference.days[0].rooms['Gray Room'][1].title = '';
		expect(rejectJson(JSON.stringify(untitled)).message).toBe(
			'schedule.test: schedule.conference.days[0].rooms["Gray Room"][1] (id 26): expected a "title"',
		);
	});
});
