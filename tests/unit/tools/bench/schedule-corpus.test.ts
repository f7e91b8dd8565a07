import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	firstTalkIds,
	fosdemEditions,
	planScheduleCorpus,
	replayEdition,
	writeScheduleCorpus,
} from '#tools/bench/schedule-corpus.ts';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('planScheduleCorpus', () => {
	it('takes whole editions, then part of the last', () => {
		expect(planScheduleCorpus(1000)).toEqual([
			{ file: fosdemEditions[0].file, year: 2019, round: 0 },
			{ file: fosdemEditions[1].file, year: 2020, round: 0, limit: 225 },
		]);
	});
	it('replays the editions in rounds until the size is reached', () => {
		const plan = planScheduleCorpus(10_000);
		expect(plan).toHaveLength(13);
		expect(plan.at(-1)).toMatchObject({ year: 2019, round: 4, limit: 10_000 - 4 * 2321 });
	});
});

describe('replayEdition', () => {
	it('makes an earlier edition with talk ids of its own and the same speakers', async () => {
		const xml = await readFile(path.join(root, fosdemEditions[1].file), 'utf8');
		const original = parseSchedule(xml, 'fosdem-2020.xml');
		const replayed = parseSchedule(replayEdition(xml, 2020, 2), 'fosdem-2000.xml');
		expect(replayed.title).toBe('FOSDEM 2000');
		expect(replayed.talks).toHaveLength(original.talks.length);
		expect(replayed.talks[0]!.dayDate).toBe(original.talks[0]!.dayDate!.replace('2020', '2000'));
		expect(replayed.talks[0]!.id).toBe(Number(original.talks[0]!.id) + 200_000);
		expect(new Set(replayed.talks.map((talk) => talk.id)).size).toBe(original.talks.length);
		expect(replayed.talks[0]!.persons).toEqual(original.talks[0]!.persons);
		expect(replayEdition(xml, 2020, 0)).toBe(xml);
	});
	it('leaves numbers that only contain the year alone', () => {
		expect(
			replayEdition('<event id="12020"><title>FOSDEM 2020</title><slides>120201</slides>', 2020, 1),
		).toBe('<event id="112020"><title>FOSDEM 2010</title><slides>120201</slides>');
	});
});

describe('firstTalkIds', () => {
	it('lists talk ids in file order', () => {
		expect(firstTalkIds('<event id="3"/><event id="1"/><event id="2"/>', 2)).toEqual(['3', '1']);
	});
});

describe('writeScheduleCorpus', () => {
	it('writes whole editions, each replayed as an edition of its own year, in the plan’s order', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-corpus-'));
		try {
			const files = await writeScheduleCorpus(root, folder, 3000);
			expect(files.map((file) => path.basename(file))).toEqual([
				'fosdem-2019.xml',
				'fosdem-2020.xml',
				'fosdem-2024.xml',
				'fosdem-2009.xml',
			]);
			const replayed = parseSchedule(await readFile(files[3]!, 'utf8'), 'fosdem-2009.xml');
			expect(replayed.title).toBe('FOSDEM 2009');
			expect(replayed.talks).toHaveLength(fosdemEditions[0].talks);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});
});
