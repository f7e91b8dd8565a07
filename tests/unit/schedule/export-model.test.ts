import { describe, expect, it } from 'vitest';
import {
	exportDays,
	scheduleAcronym,
	stableUuid,
	talkNumbers,
} from '#lib/schedule/export-model.ts';
import { exportTalk as talk } from '../../helpers/schedule-checks';

describe('schedule export helpers', () => {
	it('keeps schedule ids and derives stable, unique ones for the rest', () => {
		const imported = talk({ id: 'e/a', sourceId: 12 });
		const sameId = talk({ id: 'e/b', sourceId: 12 });
		const own = talk({ id: 'e/c' });
		const numbers = talkNumbers([own, imported, sameId]);
		expect(numbers.get(imported)).toBe(12);
		expect(numbers.get(sameId)).toBe(13);
		expect(numbers.get(own)).toBe(talkNumbers([own]).get(own));
		expect(stableUuid('talk:e/c')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
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
			talks: [
				talk({ id: 'e/late', start: '16:00', room: 'B' }),
				talk({ id: 'e/early', start: '09:00', room: 'A' }),
			],
		});
		expect(days.map((day) => [day.date, day.start, day.rooms.map((room) => room.name)])).toEqual([
			['2024-03-09', '2024-03-09T00:00:00+01:00', ['A', 'B']],
			['2024-03-10', '2024-03-10T00:00:00+01:00', []],
		]);
	});

	it('lists a talk after midnight under the day before, as frab does, with days running from one day change to the next', () => {
		const days = exportDays({
			id: 'e',
			title: 'E',
			start: '2024-03-09',
			end: '2024-03-10',
			timeZone: 'Europe/Brussels',
			dayChange: '06:00',
			url: 'https://hub.example/events/e/',
			talks: [
				talk({ id: 'e/party', day: '2024-03-10', start: '00:50' }),
				talk({ id: 'e/concert', day: '2024-03-09', start: '22:00' }),
			],
		});
		expect(
			days.map((day) => [
				day.date,
				day.start,
				day.end,
				day.rooms.flatMap((room) => room.talks.map((item) => item.id)),
			]),
		).toEqual([
			[
				'2024-03-09',
				'2024-03-09T06:00:00+01:00',
				'2024-03-10T05:59:00+01:00',
				['e/concert', 'e/party'],
			],
			['2024-03-10', '2024-03-10T06:00:00+01:00', '2024-03-11T05:59:00+01:00', []],
		]);
	});
});
