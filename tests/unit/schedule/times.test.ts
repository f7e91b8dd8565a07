import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduleTalk } from '#lib/schedule/model.ts';
import { chooseTimeZone, settleTalkTime } from '#lib/schedule/times.ts';

const talk = (overrides: Partial<ScheduleTalk> = {}): ScheduleTalk => ({
	location: 'test',
	title: 'T',
	dayDate: '2020-02-01',
	start: '10:00',
	durationMinutes: 30,
	persons: [],
	links: [],
	attachments: [],
	...overrides,
});
const schedule = (talks: ScheduleTalk[], timeZoneName?: string): Schedule => ({
	format: 'frab-json',
	title: 'S',
	timeZoneName,
	days: [],
	warnings: [],
	talks,
});

describe('choosing the time zone of imported times', () => {
	it('takes --timezone for a file that names no zone or a wrong one, and rejects names that are not zones', () => {
		expect(chooseTimeZone(schedule([talk()]), 'f', { override: 'Europe/Brussels' })).toEqual({
			timeZone: 'Europe/Brussels',
		});
		const offsetsDisagree = schedule([talk({ dateTime: '2020-12-14T09:00:00+01:00' })], 'UTC');
		expect(chooseTimeZone(offsetsDisagree, 'f', { override: 'Europe/Berlin' })).toEqual({
			timeZone: 'Europe/Berlin',
		});
		expect(
			chooseTimeZone(schedule([talk()], 'Europe/Brussels'), 'f', { override: 'Europe/Brussels' }),
		).toEqual({ timeZone: 'Europe/Brussels' });
		// An edition that declares no zone, only offsets: --timezone names it, without a warning.
		const offsetsOnly = schedule([talk({ dateTime: '2020-12-27T11:00:00+01:00' })]);
		expect(chooseTimeZone(offsetsOnly, 'f', { override: 'Europe/Berlin' })).toEqual({
			timeZone: 'Europe/Berlin',
		});
		expect(chooseTimeZone(offsetsOnly, 'f').timeZone).toBe('Etc/GMT-1');
		expect(() => chooseTimeZone(schedule([talk()]), 'f', { override: 'Europe/Brusels' })).toThrow(
			'--timezone: Europe/Brusels: expected an IANA time zone such as "Europe/Brussels"',
		);
	});

	it('keeps a file’s own time_zone_name over --timezone, saying so: --timezone is a fallback', () => {
		expect(
			chooseTimeZone(
				schedule([talk({ dateTime: '2020-03-28T10:00:00+01:00' })], 'Europe/Amsterdam'),
				'camp.xml',
				{ override: 'Europe/London' },
			),
		).toEqual({
			timeZone: 'Europe/Amsterdam',
			warning:
				'camp.xml: time_zone_name "Europe/Amsterdam" is used; --timezone Europe/London is only for schedules that name no zone of their own',
		});
	});

	it('takes time_zone_name when the offsets agree with it, across a DST change', () => {
		const talks = [
			talk({ dateTime: '2020-03-28T10:00:00+01:00' }),
			talk({ dateTime: '2020-03-29T10:00:00+02:00' }),
		];
		expect(chooseTimeZone(schedule(talks, 'Europe/Brussels'), 'f')).toEqual({
			timeZone: 'Europe/Brussels',
		});
	});

	it('trusts the offsets when time_zone_name contradicts them, and says so', () => {
		const choice = chooseTimeZone(
			schedule([talk({ dateTime: '2020-12-14T09:00:00+01:00' })], 'UTC'),
			'democon.json',
		);
		expect(choice.timeZone).toBe('Etc/GMT-1');
		expect(choice.warning).toMatch(
			/^democon\.json: time_zone_name "UTC" disagrees with the offset \+01:00.*--timezone/,
		);
	});

	it('keeps the zone an earlier import recorded when the file names none', () => {
		expect(chooseTimeZone(schedule([talk()]), 'f', { existing: 'Europe/Brussels' })).toEqual({
			timeZone: 'Europe/Brussels',
		});
	});

	it('refuses to guess without a zone or offsets', () => {
		expect(() => chooseTimeZone(schedule([talk()]), 'fosdem.xml')).toThrow(
			/^fosdem\.xml: conference: no time zone.*--timezone Europe\/Brussels$/,
		);
	});
});

describe('settling a talk on its calendar date', () => {
	it('keeps wall-clock times under their day', () => {
		expect(settleTalkTime(talk({ start: '10:00' }), 'Europe/Brussels', '09:00')).toEqual({
			day: '2020-02-01',
			start: '10:00',
		});
	});

	it('moves talks after midnight to the next date', () => {
		expect(settleTalkTime(talk({ start: '01:30' }), 'Europe/Brussels', '04:00')).toEqual({
			day: '2020-02-02',
			start: '01:30',
		});
		expect(settleTalkTime(talk({ dayDate: '2020-02-29', start: '00:15' }), 'UTC', '06:00')).toEqual(
			{ day: '2020-03-01', start: '00:15' },
		);
	});

	it('converts a dated talk into the chosen zone, even onto another day', () => {
		const dated = talk({
			dayDate: '2020-12-14',
			start: '23:30',
			dateTime: '2020-12-14T23:30:00+01:00',
		});
		expect(settleTalkTime(dated, 'Etc/GMT-1')).toEqual({ day: '2020-12-14', start: '23:30' });
		expect(settleTalkTime(dated, 'Europe/Helsinki')).toEqual({ day: '2020-12-15', start: '00:30' });
	});
});
