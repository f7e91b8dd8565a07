import { describe, expect, it } from 'vitest';
import {
	congressSchedules,
	planCongress,
	roomName,
	speakerName,
} from '#tools/bench/congress-corpus.ts';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';

describe('planCongress', () => {
	it('grows six editions from 300 to 1,500 events in 50 to 150 rooms by default', () => {
		expect(planCongress()).toEqual([
			{ year: 2018, events: 300, rooms: 50 },
			{ year: 2019, events: 540, rooms: 70 },
			{ year: 2020, events: 780, rooms: 90 },
			{ year: 2021, events: 1020, rooms: 110 },
			{ year: 2022, events: 1260, rooms: 130 },
			{ year: 2023, events: 1500, rooms: 150 },
		]);
	});
	it('never plans more rooms than events', () => {
		expect(planCongress({ editions: 2, events: [10, 20], rooms: [50, 60] })).toEqual([
			{ year: 2022, events: 10, rooms: 10 },
			{ year: 2023, events: 20, rooms: 20 },
		]);
	});
});

describe('names', () => {
	it('gives every person and room index a name of its own', () => {
		const people = Array.from({ length: 10_000 }, (_, index) => speakerName(index));
		expect(new Set(people).size).toBe(people.length);
		const rooms = Array.from({ length: 1_000 }, (_, index) => roomName(index));
		expect(new Set(rooms).size).toBe(rooms.length);
	});
});

describe('congressSchedules', () => {
	const options = { editions: 6, events: [150, 240], rooms: [40, 60], seed: 3 } as const;
	const schedules = congressSchedules(options);
	const parsed = schedules.map((schedule) => parseSchedule(schedule.xml, schedule.name));
	const plan = planCongress(options);

	it('is the same for the same seed, and another for another', () => {
		expect(congressSchedules(options)).toEqual(schedules);
		expect(congressSchedules({ ...options, seed: 4 })[0]!.xml).not.toBe(schedules[0]!.xml);
	});

	it('gives each edition its planned events and rooms, and the series hundreds of rooms', () => {
		expect(schedules.map((schedule) => schedule.name)).toEqual(
			plan.map((edition) => `hack-congress-${edition.year}.xml`),
		);
		expect(parsed.map((schedule) => schedule.talks.length)).toEqual(
			plan.map((edition) => edition.events),
		);
		expect(parsed.map((schedule) => new Set(schedule.talks.map((talk) => talk.room)).size)).toEqual(
			plan.map((edition) => edition.rooms),
		);
		const rooms = new Set(parsed.flatMap((schedule) => schedule.talks.map((talk) => talk.room)));
		expect(rooms.size).toBeGreaterThan(200);
		// The halls are in every edition.
		for (const schedule of parsed)
			expect(schedule.talks.some((talk) => talk.room === 'Saal 1')).toBe(true);
	});

	it('lists workshops on several days under one guid and one title, never twice in one place and time', () => {
		for (const schedule of parsed) {
			const byGuid = Map.groupBy(schedule.talks, (talk) => talk.guid);
			const repeated = [...byGuid.values()].filter((listings) => listings.length > 1);
			expect(repeated.length).toBeGreaterThan(0);
			for (const listings of repeated) {
				expect(new Set(listings.map((talk) => talk.title)).size).toBe(1);
				expect(listings[0]!.type).toMatch(/^Workshop \d+ Minutes$/);
				const places = listings.map((talk) => `${talk.dateTime} ${talk.room}`);
				expect(new Set(places).size).toBe(places.length);
			}
		}
	});

	it('merges wiki sessions: their ids repeat the lectures’ under other guids, and every speaker is id 0', () => {
		for (const schedule of parsed) {
			const guidsById = Map.groupBy(schedule.talks, (talk) => talk.id);
			expect(
				[...guidsById.values()].some(
					(listings) => new Set(listings.map((talk) => talk.guid)).size > 1,
				),
			).toBe(true);
			const idZero = new Set(
				schedule.talks.flatMap((talk) =>
					talk.persons.filter((person) => String(person.id) === '0').map((person) => person.name),
				),
			);
			expect(idZero.size).toBeGreaterThan(5);
		}
	});

	it('has pretalx-style persons with biographies, and persons by guid alone in odd editions', () => {
		for (const [index, schedule] of parsed.entries()) {
			const persons = schedule.talks.flatMap((talk) => talk.persons);
			expect(persons.every((person) => person.name.trim().length > 0)).toBe(true);
			expect(persons.some((person) => person.biography)).toBe(true);
			expect(persons.some((person) => person.guid && person.id === undefined)).toBe(
				index % 2 === 1,
			);
		}
	});

	it('lists talks after midnight under the day before', () => {
		const late = parsed
			.flatMap((schedule) => schedule.talks)
			.filter((talk) => talk.dateTime!.slice(0, 10) > talk.dayDate);
		expect(late.length).toBeGreaterThan(0);
		expect(late.every((talk) => talk.start < '04:00')).toBe(true);
	});

	it('names the time zone in every other edition, and writes one edition in ASCII only', () => {
		expect(parsed.map((schedule) => schedule.timeZoneName)).toEqual(
			plan.map((_, index) => (index % 2 === 0 ? 'Europe/Berlin' : undefined)),
		);
		expect(schedules[1]!.xml).toMatch(/^[\0-\x7f]*$/);
		expect(schedules[1]!.xml).toContain('&#');
		expect(
			parsed[1]!.talks
				.flatMap((talk) => talk.persons)
				.some((person) => /[^\0-\x7f]/.test(person.name)),
		).toBe(true);
	});
});
