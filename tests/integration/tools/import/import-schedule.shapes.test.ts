/**
 * Shapes other series' schedules take (issue 22): frab documents merged from several systems by
 * video teams, each in a small made-up fixture of `tests/fixtures/schedules/`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { formatImportSummary } from '#tools/import/import-summary.ts';
import { ScheduleError } from '#lib/schedule/model.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import {
	frontMatter,
	importWorkspaces,
	scheduleFixture,
	snapshot,
} from '../../../helpers/import-workspace';

const { workspace } = importWorkspaces();

describe('a talk listed several times (a workshop held daily)', () => {
	const camp = scheduleFixture('camp-repeats.xml');

	it('is one talk with every session, its speakers from all of them, and a line in the summary', async () => {
		const { root, content } = await workspace();
		const result = await importSchedule({ files: [camp], contentDir: content });
		const soldering = await frontMatter(path.join(content, 'talks/camp2024/soldering-workshop.md'));
		expect(soldering).toMatchObject({
			title: 'Soldering workshop',
			day: '2024-08-01',
			start: '10:00',
			duration: 120,
			room: 'Hardware tent',
			sessions: [
				{ day: '2024-08-02', start: '10:00' },
				{ day: '2024-08-03', start: '14:00', duration: 60, room: 'Village' },
			],
			speakers: ['mitch-example', 'cy-example'],
			source: { id: 101, guid: '6f1c2a10-0000-4000-8000-000000000001' },
		});
		expect(result.editions[0]!.talkCount).toBe(3);
		const summary = formatImportSummary(result, 'content');
		expect(summary).toContain(
			'1 talk is listed several times, each imported as one talk with all its sessions:',
		);
		expect(summary).toContain(
			'    content/talks/camp2024/soldering-workshop.md (camp2024): 3 sessions: 2024-08-01 10:00 Hardware tent; 2024-08-02 10:00 Hardware tent; 2024-08-03 14:00 Village',
		);
		expect((await validateContent(root, 'content')).problems).toEqual([]);

		const again = await importSchedule({ files: [camp], contentDir: content });
		expect(again.files).toEqual([]);
	});

	it('gives one numeric id with two guids (systems merged into one schedule) two talks', async () => {
		const { content } = await workspace();
		await importSchedule({ files: [camp], contentDir: content });
		const opening = await frontMatter(path.join(content, 'talks/camp2024/opening.md'));
		const lightning = await frontMatter(path.join(content, 'talks/camp2024/lightning-talks.md'));
		expect([opening.source, lightning.source]).toEqual([
			{ format: 'frab-xml', id: 200, guid: '6f1c2a10-0000-4000-8000-000000000002' },
			{ format: 'frab-xml', id: 200, guid: '6f1c2a10-0000-4000-8000-000000000003' },
		]);
		expect(opening.sessions).toBeUndefined();
	});

	it('refuses one guid with two titles, naming both places, and writes nothing', async () => {
		const { root, content } = await workspace();
		const file = path.join(root, 'conflicting.xml');
		await writeFile(
			file,
			(await readFile(camp, 'utf8')).replace(
				'<title>Soldering Workshop</title>',
				'<title>Knitting workshop</title>',
			),
		);
		const before = await snapshot(root);
		const error = await importSchedule({ files: [file], contentDir: content }).catch(
			(caught) => caught,
		);
		expect(error).toBeInstanceOf(ScheduleError);
		expect(error.message).toBe(
			`${file}: day 2024-08-02, room "Hardware tent", event 101: guid 6f1c2a10-0000-4000-8000-000000000001 is also the guid of day 2024-08-01, room "Hardware tent", event 101, but the titles differ ("Soldering workshop", "Knitting workshop"): a talk held several times keeps its title, and each other talk needs its own guid`,
		);
		expect(await snapshot(root)).toEqual(before);
	});

	it('imports a listing repeated at the very same time and room once, with a warning', async () => {
		const { root, content } = await workspace();
		const file = path.join(root, 'twice.xml');
		const text = await readFile(camp, 'utf8');
		await writeFile(
			file,
			text.replace(
				'<date>2024-08-02T10:00:00+02:00</date>',
				'<date>2024-08-01T10:00:00+02:00</date>',
			),
		);
		const result = await importSchedule({ files: [file], contentDir: content });
		expect(result.warnings).toContainEqual(
			expect.stringContaining(
				'day 2024-08-02, room "Hardware tent", event 101: listed again at the time and room of',
			),
		);
		expect(
			(await frontMatter(path.join(content, 'talks/camp2024/soldering-workshop.md'))).sessions,
		).toEqual([{ day: '2024-08-03', start: '14:00', duration: 60, room: 'Village' }]);
	});
});

describe('speakers’ names', () => {
	const congress = scheduleFixture('congress-names.xml');

	it('takes a name from <public_name> and keeps the <biography>; says which speakers had no name; matches a name through invisible characters', async () => {
		const { root, content } = await workspace();
		const result = await importSchedule({ files: [congress], contentDir: content });
		const people = (await readdir(path.join(content, 'people'))).sort();
		expect(people).toEqual(['andreas-example.md']);
		const andreas = await readFile(path.join(content, 'people/andreas-example.md'), 'utf8');
		expect(andreas).toContain('name: Andreas Example\n');
		expect(andreas).toContain('\n\nBuilds _radios_.\n');
		expect(andreas).toMatch(/ids:\n\s+congress-2021: 7\n/);
		for (const talk of ['persons-in-pretalx-s-shape', 'zero-widths-inside-a-name']) {
			expect(
				(await frontMatter(path.join(content, `talks/congress-2021/${talk}.md`))).speakers,
			).toEqual(['andreas-example']);
		}
		expect(result.warnings).toEqual([
			`${congress}: day 2021-12-27, room "Saal 1", event 11: a speaker (id 8) has no name; left out of the talk's speakers`,
			`${congress}: day 2021-12-27, room "Saal 1", event 11: a speaker (id 9) has no name; left out of the talk's speakers`,
			`${congress}: day 2021-12-27, room "Saal 1", event 11: a speaker (id 10) has a name of invisible characters only; left out of the talk's speakers`,
		]);
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});
});

describe('JSON shapes that would lose talks or speakers', () => {
	const json = (rooms: unknown) =>
		JSON.stringify({
			schedule: {
				conference: {
					acronym: 'jx',
					title: 'JX',
					time_zone_name: 'UTC',
					days: [{ date: '2024-01-01', rooms }],
				},
			},
		});
	const event = (persons: unknown) => ({
		id: 1,
		guid: 'a0000000-0000-4000-8000-000000000001',
		title: 'T',
		start: '10:00',
		duration: '00:30',
		persons,
	});
	const importJson = async (text: string) => {
		const { root, content } = await workspace();
		const file = path.join(root, 'schedule.json');
		await writeFile(file, text);
		return {
			file,
			content,
			result: await importSchedule({ files: [file], contentDir: content }).catch(
				(caught: unknown) => caught,
			),
		};
	};

	it('refuses rooms written as a list instead of reading "0 talks"', async () => {
		const { file, result } = await importJson(json([{ name: 'A', events: [event([])] }]));
		expect(result).toBeInstanceOf(ScheduleError);
		expect((result as Error).message).toBe(
			`${file}: schedule.conference.days[0].rooms: expected an object of event lists by room name ({ "Room A": [ … ] }), found a list`,
		);
	});

	it.each([
		[
			'an object of persons by id',
			{ 7: { name: 'Ada Example' }, 8: { public_name: 'Bo Example' } },
		],
		['one person object', { id: 7, name: 'Ada Example' }],
		['a list of lists', [[{ name: 'Ada Example' }], [{ name: 'Bo Example' }]]],
	])('reads persons written as %s', async (_, persons) => {
		const { content, result } = await importJson(json({ A: [event(persons)] }));
		expect(result).not.toBeInstanceOf(Error);
		const expected =
			Array.isArray(persons) || !('id' in persons)
				? ['ada-example', 'bo-example']
				: ['ada-example'];
		expect((await frontMatter(path.join(content, 'talks/jx/t.md'))).speakers).toEqual(expected);
	});

	it('puts an event in the room it is listed under when its own "room" says otherwise, with a line in the summary', async () => {
		const { file, content, result } = await importJson(
			json({ A: [{ ...event([]), room: 'Hall B' }] }),
		);
		expect((await frontMatter(path.join(content, 'talks/jx/t.md'))).room).toBe('A');
		expect((result as Awaited<ReturnType<typeof importSchedule>>).disagreements).toEqual([
			`${file}: 1 event in rooms["A"] says "room": "Hall B"; imported in "A"`,
		]);
	});

	it('refuses persons it cannot read, naming the event', async () => {
		const { file, result } = await importJson(json({ A: [event(['Ada Example'])] }));
		expect((result as Error).message).toBe(
			`${file}: schedule.conference.days[0].rooms["A"][0] (id 1): "persons"[0]: expected a person object with a "name", found "Ada Example"`,
		);
	});
});

describe('talks after midnight, listed under the day before', () => {
	const night = scheduleFixture('camp-night.xml');

	it('keep their real date and time, and the event records when its day changes instead of growing a day', async () => {
		const { root, content } = await workspace();
		const result = await importSchedule({
			files: [night],
			contentDir: content,
			timeZone: 'Europe/London',
		});
		expect(result.warnings).toEqual([
			`${night}: time_zone_name "Europe/Berlin" is used; --timezone Europe/London is only for schedules that name no zone of their own`,
		]);
		const event = await frontMatter(path.join(content, 'events/camp2025.md'));
		expect(event).toMatchObject({
			start: '2025-08-01',
			end: '2025-08-02',
			timezone: 'Europe/Berlin',
			dayChange: '06:00',
		});
		const when = async (slug: string) => {
			const talk = await frontMatter(path.join(content, `talks/camp2025/${slug}.md`));
			return `${talk.day} ${talk.start}`;
		};
		expect(await when('midnight-lightning-talks')).toBe('2025-08-02 00:50');
		expect(await when('late-night-hacking')).toBe('2025-08-02 02:00');
		expect(await when('breakfast-talk')).toBe('2025-08-02 10:00');
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});
});

describe('what else merged schedules hold', () => {
	const night = scheduleFixture('camp-night.xml');

	it('reads a file without an XML declaration, with numeric entities, &#13;, declared tracks and free-form types', async () => {
		const { content } = await workspace();
		await importSchedule({ files: [night], contentDir: content });
		const concert = await readFile(path.join(content, 'talks/camp2025/evening-concert.md'), 'utf8');
		expect(concert).not.toContain('\r');
		expect(concert).toMatch(/\n\nBring earplugs\s+and friends\.\n$/);
		const kinds = await Promise.all(
			['evening-concert', 'midnight-lightning-talks', 'late-night-hacking', 'breakfast-talk'].map(
				async (slug) => {
					const talk = await frontMatter(path.join(content, `talks/camp2025/${slug}.md`));
					return [talk.kind, talk.track];
				},
			),
		);
		expect(kinds).toEqual([
			['talk', 'Music'],
			['lightning', 'Hacking'],
			['workshop', 'Hacking'],
			['talk', 'Hacking'],
		]);
		// One person by guid, whether the file spells the name with an entity or without the accent.
		expect((await readdir(path.join(content, 'people'))).sort()).toEqual([
			'dee-example.md',
			'emile-example.md',
		]);
	});

	it('puts an event in the <room name> it is listed in when its own <room> says otherwise, with a line in the summary', async () => {
		const { content } = await workspace();
		const result = await importSchedule({ files: [night], contentDir: content });
		expect((await frontMatter(path.join(content, 'talks/camp2025/breakfast-talk.md'))).room).toBe(
			'Stage',
		);
		const summary = formatImportSummary(result, 'content');
		expect(summary).toContain(
			`  1 disagreement within the schedules (the first named wins; docs/schedule-import.md):\n    ${night}: 1 event in <room name="Stage"> says <room>Main Stage</room>; imported in "Stage"`,
		);
	});
});

describe('person ids in merged schedules: an id never decides who someone is on its own', () => {
	const editions = ['congress-ids-2022.xml', 'congress-ids-2023.xml'].map(scheduleFixture);

	it('tells apart people sharing an id, keeps one person with two ids or a new spelling, and says what it matched and what it would not guess', async () => {
		const { root, content } = await workspace();
		const result = await importSchedule({
			files: editions,
			contentDir: content,
			series: 'congress',
		});
		const people = Object.fromEntries(
			await Promise.all(
				(await readdir(path.join(content, 'people'))).sort().map(async (file) => {
					const person = await frontMatter(path.join(content, 'people', file));
					return [file.replace(/\.md$/, ''), [person.name, person.source]];
				}),
			),
		);
		expect(people).toEqual({
			clifford: ['Clifford Wolf', { ids: { 'congress-2022': 7, 'congress-2023': 7 } }],
			'guido-example': ['Guido Example', { guid: '4e4e0000-0000-4000-8000-000000000001' }],
			'guido-example-2': ['Guido Example', { guid: '4e4e0000-0000-4000-8000-000000000002' }],
			'kosmo-the-hacker-example': [
				"Kosmo 'The Hacker' Example",
				{ ids: { 'congress-2022': 30, 'congress-2023': 30 } },
			],
			'pat-example': ['Pat Example', { ids: { 'congress-2022': [20, 21] } }],
			'someone-else': ['Someone Else', { ids: { 'congress-2023': 20 } }],
			'thierry-carrez': ['Thierry Carrez', { ids: { 'congress-2023': 40 } }],
			'wiki-alice': ['Wiki Alice', { ids: { 'congress-2022': '0', 'congress-2023': '0' } }],
			'wiki-bob': ['Wiki Bob', { ids: { 'congress-2022': '0' } }],
			'wiki-carol': ['Wiki Carol', { ids: { 'congress-2023': '0' } }],
		});
		const summary = formatImportSummary(result, 'content');
		expect(summary).toContain(
			[
				"  2 speakers found by a stable id under another spelling of the name (the newest edition's is kept):",
				'    "Clifford" → "Clifford Wolf" (congress-2023, id 7): content/people/clifford.md',
				'    "Kosmo "The Hacker" Example" → "Kosmo \'The Hacker\' Example" (congress-2023, id 30): content/people/kosmo-the-hacker-example.md',
			].join('\n'),
		);
		expect(summary).toContain(
			'    "Guido Example" (congress-2023, guid 4e4e0000-0000-4000-8000-000000000002): guido-example? the same name with another guid than 4e4e0000-0000-4000-8000-000000000002; imported as guido-example-2',
		);
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});
});
