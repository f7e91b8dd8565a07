import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as ImportScheduleModule from '#tools/import/import-schedule.ts';
import type * as ParseScheduleModule from '#lib/schedule/parse-schedule.ts';
import { compatibleNames, normaliseName } from '#lib/schedule/people-index.ts';
import type * as ValidateContentModule from '#lib/validation/validate-content.ts';
import { projectRoot } from '../helpers/build-site';
import { frontMatter, snapshot } from '../helpers/import-workspace';
import { inChildProcess } from '../helpers/in-child-process';

/**
 * The importer at full size, over the hub's own hand-written content: three real FOSDEM
 * editions, 2,321 talks, FOSDEM 2020's 872 among them. Slower than the unit tier allows; each step in a child process, out of
 * the coverage's way (tests/helpers/in-child-process.ts).
 */
const { importSchedule } = inChildProcess<typeof ImportScheduleModule>(
	'#tools/import/import-schedule.ts',
);
const { parseSchedule } = inChildProcess<typeof ParseScheduleModule>(
	'#lib/schedule/parse-schedule.ts',
);
const { validateContent } = inChildProcess<typeof ValidateContentModule>(
	'#lib/validation/validate-content.ts',
);

const schedules = path.join(projectRoot, 'tests/fixtures/schedules');
const workspaces: string[] = [];
afterAll(() => Promise.all(workspaces.map((root) => rm(root, { recursive: true, force: true }))));

describe('the three shared FOSDEM editions in a copy of the hub', () => {
	const files = ['fosdem-2019.xml', 'fosdem-2020.xml', 'fosdem-2024.xml'].map((name) =>
		path.join(schedules, name),
	);

	it(
		'import with the hand-written content, each speaker once, no two people in one entry, and again without a change',
		{ timeout: 900_000 },
		async () => {
			const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-series-hub-'));
			workspaces.push(root);
			const content = path.join(root, 'content');
			await cp(path.join(projectRoot, 'content'), content, { recursive: true });
			const result = await importSchedule({
				files,
				contentDir: content,
				series: 'fosdem',
				timeZone: 'Europe/Brussels',
			});
			expect(result.talkCount).toBe(2321);
			expect(result.ambiguities).toEqual([]);
			// FOSDEM kept these ids from 2019 to 2020 while the names changed spelling.
			expect(result.renames.map((rename) => `${rename.from} → ${rename.to}`)).toEqual([
				'François Revol → François Revol (mmu_man)',
				'Jan (janneke) Nieuwenhuizen → Jan Nieuwenhuizen (janneke)',
				'Jaana Dogan (JBD) → Jaana Dogan',
			]);
			const { problems, entries } = await validateContent(root, 'content');
			expect(problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
			// Every talk of FOSDEM 2020's schedule, the hub's own among them, is one of its talks.
			expect(
				entries.filter(
					(entry) =>
						entry.collection === 'talks' &&
						(entry.data.event as { id: string }).id === 'fosdem-2020',
				),
			).toHaveLength(872);

			// Every schedule person, by edition and id, with their name.
			const scheduleNames = new Map<string, string>();
			for (const file of files) {
				const schedule = await parseSchedule(await readFile(file, 'utf8'), file);
				const edition = path.basename(file, '.xml');
				for (const person of schedule.talks.flatMap((talk) => talk.persons))
					scheduleNames.set(`${edition} ${person.id}`, normaliseName(person.name));
			}
			const people = entries.filter((entry) => entry.collection === 'people');
			const inAll = people.filter((person) => {
				const ids =
					(person.data.source as { ids?: Record<string, unknown> } | undefined)?.ids ?? {};
				// No entry holds two people: every id it records names the same person in its edition,
				// under the entry's name or one a stable id shows was renamed (`Jaana Dogan (JBD)`).
				const names = new Set(
					Object.entries(ids).flatMap(([edition, value]) =>
						[value].flat().map((id) => scheduleNames.get(`${edition} ${id}`)),
					),
				);
				for (const name of names)
					expect(
						compatibleNames(name!, normaliseName(String(person.data.name))),
						`${name} in ${person.id}`,
					).toBe(true);
				return Object.keys(ids).length === 3;
			});
			// 38 speakers by their exact name, and two more spelt with and without accents (Stéphane Graber).
			expect(inAll).toHaveLength(40);
			// A hand-written person keeps the id as written, and gains the other editions' ids.
			const thierry = people.find((person) => person.id === 'thierry-carrez')!;
			expect(thierry.data.source).toEqual({ ids: { 'fosdem-2020': '427', 'fosdem-2024': 2037 } });

			// A talk and its edition as FOSDEM's frab XML states them.
			const kernel = await frontMatter(path.join(content, 'talks/fosdem-2020/linux-kernel.md'));
			expect(kernel).toMatchObject({
				event: 'fosdem-2020',
				speakers: ['thorsten-leemhuis'],
				kind: 'keynote',
				day: '2020-02-01',
				start: '10:00',
				duration: 50,
				track: 'Keynotes',
				source: { format: 'frab-xml', id: 10715 },
				recording: {
					status: 'available',
					sources: [{ provider: 'file', type: 'video/webm' }, { type: 'video/mp4' }],
				},
			});
			expect(kernel.links).toContainEqual(expect.objectContaining({ kind: 'slides' }));
			expect(await frontMatter(path.join(content, 'events/fosdem-2020.md'))).toMatchObject({
				title: 'FOSDEM 2020',
				start: '2020-02-01',
				end: '2020-02-02',
				timezone: 'Europe/Brussels',
			});

			// The zone the first import recorded is used again without one, and nothing changes.
			const before = await snapshot(content);
			const again = await importSchedule({ files, contentDir: content, series: 'fosdem' });
			expect(again).toMatchObject({ written: false, conflicts: [], ambiguities: [], files: [] });
			expect(await snapshot(content)).toEqual(before);
		},
	);
});
