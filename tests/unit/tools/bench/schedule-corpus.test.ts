import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	cutSchedule,
	fosdemEditions,
	isRecurringSpeaker,
	planScheduleCorpus,
	recurringPercent,
	replayEdition,
	writeScheduleCorpus,
} from '#tools/bench/schedule-corpus.ts';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const fosdem2020 = await readFile(path.join(root, fosdemEditions[1].file), 'utf8');

describe('planScheduleCorpus', () => {
	it('makes the archive’s twenty editions, one a year, newest first, from the schedules in turn', () => {
		const plan = planScheduleCorpus(1000);
		expect(plan).toHaveLength(20);
		expect(plan.slice(0, 2)).toEqual([
			{ file: fosdemEditions[0].file, year: 2024, replayedYear: 2024, index: 0, talks: 50 },
			{ file: fosdemEditions[1].file, year: 2020, replayedYear: 2023, index: 1, talks: 50 },
		]);
		expect(plan.at(-1)).toMatchObject({ replayedYear: 2005, year: 2020, index: 19 });
	});
	it('spreads exactly the talks asked for evenly', () => {
		const plan = planScheduleCorpus(11_803);
		expect(plan).toHaveLength(20);
		expect(plan.reduce((sum, edition) => sum + edition.talks, 0)).toBe(11_803);
		expect(new Set(plan.map((edition) => edition.talks))).toEqual(new Set([590, 591]));
		expect(planScheduleCorpus(3).map((edition) => edition.talks)).toEqual([1, 1, 1]);
	});
	it('adds editions of about 590 talks beyond the archive’s size, none larger than its schedule', () => {
		const plan = planScheduleCorpus(20_000);
		expect(plan).toHaveLength(34);
		for (const edition of plan)
			expect(edition.talks).toBeLessThanOrEqual(fosdemEditions[edition.index % 3]!.talks);
	});
});

describe('cutSchedule', () => {
	it('keeps the first events in file order and every room', () => {
		const xml =
			'<room name="A">\n  <event id="3">x</event>\n</room>\n<room name="B">\n  <event id="1">y</event>\n  <event id="2">z</event>\n</room>';
		expect(cutSchedule(xml, 2)).toBe(
			'<room name="A">\n  <event id="3">x</event>\n</room>\n<room name="B">\n  <event id="1">y</event>\n</room>',
		);
	});
});

describe('replayEdition', () => {
	const original = parseSchedule(fosdem2020, 'fosdem-2020.xml');
	const edition = { file: '', year: 2020, replayedYear: 2007, index: 2, talks: 300 };
	const replayed = parseSchedule(replayEdition(fosdem2020, edition), 'fosdem-2007.xml');

	it('moves the year and gives the talks ids of their own', () => {
		expect(replayed.title).toBe('FOSDEM 2007');
		expect(replayed.talks).toHaveLength(300);
		expect(replayed.talks[0]!.dayDate).toBe(original.talks[0]!.dayDate!.replace('2020', '2007'));
		expect(replayed.talks[0]!.id).toBe(Number(original.talks[0]!.id) + 200_000);
		expect(new Set(replayed.talks.map((talk) => talk.id)).size).toBe(300);
	});
	it('keeps the recurring speakers and makes everyone else a new person', () => {
		const pairs = replayed.talks.flatMap((talk, index) =>
			talk.persons.map((person, at) => [original.talks[index]!.persons[at]!, person] as const),
		);
		const recurring = pairs.filter(([before]) => isRecurringSpeaker(before.name));
		const renamed = pairs.filter(([before]) => !isRecurringSpeaker(before.name));
		for (const [before, after] of recurring) expect(after).toEqual(before);
		for (const [before, after] of renamed) {
			expect(after.name).toBe(`${before.name} III`);
			expect(after.id).toBe(Number(before.id) + 200_000);
		}
		// About the chosen share of the speakers come back.
		const share = (recurring.length / pairs.length) * 100;
		expect(share).toBeGreaterThan(recurringPercent - 10);
		expect(share).toBeLessThan(recurringPercent + 10);
	});
	it('leaves the newest edition’s speakers and numbers that only contain the year alone', () => {
		const newest = { file: '', year: 2020, replayedYear: 2020, index: 0, talks: 872 };
		expect(replayEdition(fosdem2020, newest)).toBe(fosdem2020);
		expect(
			replayEdition('<event id="12020"><title>FOSDEM 2020</title><slides>120201</slides></event>', {
				...newest,
				replayedYear: 2010,
				index: 1,
				talks: 1,
			}),
		).toBe('<event id="112020"><title>FOSDEM 2010</title><slides>120201</slides></event>');
	});
});

describe('writeScheduleCorpus', () => {
	it('writes the planned editions, each replayed as an edition of its own year, newest first', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-corpus-'));
		try {
			const files = await writeScheduleCorpus(root, folder, 2000);
			expect(files.map((file) => path.basename(file))).toEqual(
				Array.from({ length: 20 }, (_, index) => `fosdem-${2024 - index}.xml`),
			);
			const replayed = parseSchedule(await readFile(files[2]!, 'utf8'), 'fosdem-2022.xml');
			expect(replayed.title).toBe('FOSDEM 2022');
			expect(replayed.talks).toHaveLength(100);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});
});
