import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { ScheduleError } from '#lib/schedule/model.ts';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';
import { importerVersion, talkEntry } from '#lib/schedule/talk-entry.ts';
import { stableStringify, valueHash } from '#lib/schedule/merge.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { frabXml, type TestEdition } from '../../../helpers/frab-xml';
import { frontMatter } from '../../../helpers/import-workspace';

const schedules = fileURLToPath(new URL('../../../fixtures/schedules/', import.meta.url));
const workspaces: string[] = [];
afterAll(() => Promise.all(workspaces.map((root) => rm(root, { recursive: true, force: true }))));

async function workspace(): Promise<{ root: string; content: string; folder: string }> {
	const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-series-'));
	workspaces.push(root);
	await mkdir(path.join(root, 'schedules'));
	return { root, content: path.join(root, 'content'), folder: path.join(root, 'schedules') };
}
const write = async (file: string, text: string) => {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, text);
	return file;
};
async function tree(folder: string): Promise<Record<string, string>> {
	const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
	const files: Record<string, string> = {};
	for (const name of names.sort())
		files[name] = await readFile(path.join(folder, name), 'utf8').catch(() => '(folder)');
	return files;
}

const video = (base: string) => [
	{ href: `https://video.example.org/${base}.webm`, title: 'Video recording (WebM/VP9)' },
	{ href: `https://video.example.org/${base}.mp4`, title: 'Video recording (mp4)' },
];
const democonf2019: TestEdition = {
	title: 'DemoConf 2019',
	start: '2019-02-02',
	talks: [
		{
			id: 1,
			title: 'Widgets',
			persons: [{ id: 1, name: 'Stephane Example' }],
			track: 'Javascript',
		},
		{
			id: 2,
			title: 'Gadgets',
			persons: [{ id: 2, name: 'Bob Jones' }],
			links: video('2019/gadgets'),
		},
	],
};
const democonf2024: TestEdition = {
	title: 'DemoConf 2024',
	start: '2024-02-03',
	talks: [
		// Id 2 was Bob in 2019: ids belong to one edition.
		{
			id: 10,
			title: 'Widgets, ten years on',
			persons: [{ id: 2, name: 'Stéphane  Example' }],
			track: 'JavaScript devroom',
		},
		{
			id: 11,
			title: 'Gadgets again',
			persons: [
				{ id: 7, name: 'bob jones' },
				{ id: 8, name: 'Cy New' },
			],
		},
	],
};

describe('importing a series', () => {
	it('imports a folder of editions in one run: one event per edition, one entry per person across the years', async () => {
		const { root, content, folder } = await workspace();
		await write(path.join(folder, 'democonf-2024.xml'), frabXml(democonf2024));
		await write(path.join(folder, 'democonf-2019.xml'), frabXml(democonf2019));
		const progress: [number, number][] = [];
		const result = await importSchedule({
			files: [folder],
			contentDir: content,
			series: 'democonf',
			timeZone: 'Europe/Brussels',
			onProgress: (done, total) => progress.push([done, total]),
		});

		expect(result.editions.map((edition) => [edition.eventId, edition.talkCount])).toEqual([
			['democonf-2019', 2],
			['democonf-2024', 2],
		]);
		expect(progress.at(-1)).toEqual([4, 4]);
		expect(result.phases.map((phase) => phase.name)).toEqual([
			'read schedules',
			'read content',
			'plan',
			'validate',
			'write',
		]);
		expect(await frontMatter(path.join(content, 'events/democonf-2024.md'))).toMatchObject({
			title: 'DemoConf 2024',
			series: 'DemoConf',
		});

		const stephane = await frontMatter(path.join(content, 'people/stephane-example.md'));
		// The newest edition's spelling, cleaned of its double space.
		expect(stephane).toMatchObject({
			name: 'Stéphane Example',
			source: { ids: { 'democonf-2019': 1, 'democonf-2024': 2 } },
		});
		expect(await frontMatter(path.join(content, 'people/bob-jones.md'))).toMatchObject({
			source: { ids: { 'democonf-2019': 2, 'democonf-2024': 7 } },
		});
		expect((await readdir(path.join(content, 'people'))).sort()).toEqual([
			'bob-jones.md',
			'cy-new.md',
			'stephane-example.md',
		]);
		expect(
			await frontMatter(path.join(content, 'talks/democonf-2024/widgets-ten-years-on.md')),
		).toMatchObject({ speakers: ['stephane-example'] });
		expect((await validateContent(root, 'content')).problems).toEqual([]);

		const before = await tree(content);
		const again = await importSchedule({
			files: [folder],
			contentDir: content,
			series: 'democonf',
		});
		expect(again).toMatchObject({ written: false, conflicts: [], ambiguities: [] });
		expect(again.files).toEqual([]);
		expect(await tree(content)).toEqual(before);

		// An older edition alone leaves the newer spelling of the name alone.
		const older = await importSchedule({
			files: [path.join(folder, 'democonf-2019.xml')],
			contentDir: content,
			series: 'democonf',
		});
		expect(older.files).toEqual([]);
		expect(await tree(content)).toEqual(before);
	});

	it('imports each talk’s video links as one recording in every format, and nothing for talks without', async () => {
		const { content, folder } = await workspace();
		const file = await write(path.join(folder, 'democonf-2019.xml'), frabXml(democonf2019));
		await importSchedule({ files: [file], contentDir: content, timeZone: 'Europe/Brussels' });
		expect(
			(await frontMatter(path.join(content, 'talks/democonf-2019/gadgets.md'))).recording,
		).toEqual({
			status: 'available',
			sources: [
				{
					url: 'https://video.example.org/2019/gadgets.webm',
					provider: 'file',
					type: 'video/webm',
				},
				{ url: 'https://video.example.org/2019/gadgets.mp4', provider: 'file', type: 'video/mp4' },
			],
		});
		const widgets = await readFile(path.join(content, 'talks/democonf-2019/widgets.md'), 'utf8');
		expect(widgets).not.toContain('recording');
	});

	it('keeps one entry for a speaker whose Pentabarf ids are per talk, with both ids', async () => {
		const { root, content } = await workspace();
		const result = await importSchedule({
			files: [path.join(schedules, 'pentabarf-layout.xml')],
			contentDir: content,
			timeZone: 'Europe/Brussels',
		});
		expect(result.talkCount).toBe(4);
		expect(await frontMatter(path.join(content, 'people/bo-d-example.md'))).toMatchObject({
			name: "Bo D'Example",
			source: { ids: { 'democon-2010': [391, 401] } },
		});
		expect(
			await frontMatter(path.join(content, 'talks/democon-2010/firmware-s-first-steps.md')),
		).toMatchObject({
			title: "Firmware's first steps",
			room: 'AW1.124',
			speakers: ['bo-d-example'],
		});
		expect(
			(
				await frontMatter(
					path.join(content, 'talks/democon-2010/widgets-an-introduction-to-widget-development.md'),
				)
			).recording.sources,
		).toEqual([
			{
				url: 'http://video.example.org/2010/lightning/widgets.ogv',
				provider: 'file',
				type: 'video/ogg',
			},
		]);
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});

	it('writes everything or nothing: a broken edition stops the whole series, naming its file', async () => {
		const { content, folder } = await workspace();
		const good = await write(path.join(folder, 'democonf-2019.xml'), frabXml(democonf2019));
		const broken = await write(
			path.join(folder, 'democonf-2024.xml'),
			frabXml(democonf2024).replace('<title>Gadgets again</title>', '<title></title>'),
		);
		const error = await importSchedule({
			files: [good, broken],
			contentDir: content,
			series: 'democonf',
			timeZone: 'Europe/Brussels',
		}).catch((caught) => caught);
		expect(error).toBeInstanceOf(ScheduleError);
		expect(error.message).toMatch(
			new RegExp(`^${broken}: day 2024-02-03, room "Main", event 11: expected a <title>`),
		);
		expect(await tree(content)).toEqual({});
	});

	it('refuses --event with several schedules, and two schedules of one edition', async () => {
		const { content, folder } = await workspace();
		const a = await write(path.join(folder, 'a.xml'), frabXml(democonf2019));
		const b = await write(path.join(folder, 'b.xml'), frabXml(democonf2024));
		const copy = await write(path.join(folder, 'copy.xml'), frabXml(democonf2019));
		await expect(
			importSchedule({ files: [a, b], contentDir: content, eventId: 'democonf', timeZone: 'UTC' }),
		).rejects.toThrow('--event: democonf: names one event, but several schedules are imported');
		await expect(
			importSchedule({ files: [a, copy], contentDir: content, timeZone: 'UTC' }),
		).rejects.toThrow(`${copy}: event: is the event "democonf-2019", as ${a} is`);
		await expect(
			importSchedule({ files: [a], contentDir: content, series: 'Demo Conf', timeZone: 'UTC' }),
		).rejects.toThrow(
			'--series: "Demo Conf": expected an id written like a file name, such as "demo-conf"',
		);
		expect(await tree(content)).toEqual({});
	});
});

describe('one person across the years', () => {
	const edition = (persons: { id?: number; guid?: string; name: string }[]): TestEdition => ({
		title: 'DemoConf 2025',
		start: '2025-02-01',
		talks: [{ id: 1, title: 'Hello', persons }],
	});

	it('never guesses between two people of one name: the speaker gets an entry of their own, reported with both candidates, and keeps it', async () => {
		const { root, content, folder } = await workspace();
		await write(path.join(content, 'people/john-smith.md'), '---\nname: John Smith\n---\n');
		await write(
			path.join(content, 'people/john-smith-2.md'),
			'---\nname: John Smith\naffiliations: [Example Labs]\n---\n',
		);
		const file = await write(
			path.join(folder, 'democonf-2025.xml'),
			frabXml(edition([{ id: 5, name: 'John Smith' }])),
		);
		const result = await importSchedule({ files: [file], contentDir: content, timeZone: 'UTC' });
		expect(result.ambiguities).toEqual([
			{
				edition: 'democonf-2025',
				name: 'John Smith',
				scheduleId: 5,
				guid: undefined,
				candidates: ['john-smith', 'john-smith-2'],
				reason: '2 people are named so',
				createdAs: 'john-smith-3',
			},
		]);
		expect(await frontMatter(path.join(content, 'talks/democonf-2025/hello.md'))).toMatchObject({
			speakers: ['john-smith-3'],
		});
		// The edition's id now says which John Smith this is.
		const again = await importSchedule({ files: [file], contentDir: content });
		expect(again).toMatchObject({ ambiguities: [], files: [] });
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});

	it('tells one name with two guids apart', async () => {
		const { content, folder } = await workspace();
		await write(
			path.join(content, 'people/grace-hopper.md'),
			'---\nname: Grace Hopper\nsource:\n  guid: g-1\n---\n',
		);
		const file = await write(
			path.join(folder, 'democonf-2025.xml'),
			frabXml(edition([{ guid: 'g-2', name: 'Grace Hopper' }])),
		);
		const result = await importSchedule({ files: [file], contentDir: content, timeZone: 'UTC' });
		expect(result.ambiguities).toMatchObject([
			{
				candidates: ['grace-hopper'],
				reason: 'the same name with another guid than g-2',
				createdAs: 'grace-hopper-2',
			},
		]);
	});

	it('follows aliases: a schedule that spells the name another way finds the person', async () => {
		const { content, folder } = await workspace();
		await write(
			path.join(content, 'people/augusta-ada-king.md'),
			'---\nname: Augusta Ada King\naliases: [Ada Lovelace]\n---\n',
		);
		const file = await write(
			path.join(folder, 'democonf-2025.xml'),
			frabXml(edition([{ id: 3, name: 'ada lovelace' }])),
		);
		const result = await importSchedule({ files: [file], contentDir: content, timeZone: 'UTC' });
		expect(
			result.files
				.map((planned) => planned.path)
				.filter((planned) => planned.startsWith('people/')),
		).toEqual(['people/augusta-ada-king.md']);
		expect(await frontMatter(path.join(content, 'people/augusta-ada-king.md'))).toMatchObject({
			// The hand-written name stays (reported once as a conflict); the edition's id is added.
			name: 'Augusta Ada King',
			aliases: ['Ada Lovelace'],
			source: { ids: { 'democonf-2025': 3 } },
		});
	});
});

describe('hand-written and imported together', () => {
	it('keeps talk ids across re-imports when a title changes, so recaps keep linking to them', async () => {
		const { root, content, folder } = await workspace();
		const file = await write(path.join(folder, 'democonf-2024.xml'), frabXml(democonf2024));
		await importSchedule({
			files: [file],
			contentDir: content,
			series: 'democonf',
			timeZone: 'Europe/Brussels',
		});
		await write(
			path.join(content, 'recaps/democonf-2024-recap.mdx'),
			'---\ntitle: DemoConf 2024 recap\nevent: democonf-2024\ntalks: [democonf-2024/gadgets-again]\n---\n\nThe best talk:\n\n<TalkCard id="democonf-2024/gadgets-again" />\n',
		);
		await writeFile(
			file,
			frabXml({
				...democonf2024,
				talks: democonf2024.talks.map((talk) =>
					talk.id === 11 ? { ...talk, title: 'Gadgets, again and again' } : talk,
				),
			}),
		);
		const result = await importSchedule({ files: [file], contentDir: content, series: 'democonf' });
		expect(result.files.map((planned) => planned.path)).toEqual([
			'talks/democonf-2024/gadgets-again.md',
		]);
		expect(
			await frontMatter(path.join(content, 'talks/democonf-2024/gadgets-again.md')),
		).toMatchObject({ title: 'Gadgets, again and again' });
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});
});

describe('importerVersion', () => {
	it('changes whenever the same schedule would be written differently (re-imports skip talks whose input hash is unchanged)', async () => {
		const { talks, format } = parseSchedule(
			await readFile(path.join(schedules, 'fosdem-2020.xml'), 'utf8'),
			'fosdem-2020.xml',
		);
		const output = talks.slice(0, 40).map((talk) =>
			talkEntry({
				talk,
				format,
				eventId: 'fosdem-2020',
				speakers: ['someone'],
				day: talk.dayDate,
				start: talk.start,
			}),
		);
		// Changed what the importer writes? Bump `importerVersion` in src/lib/schedule/talk-entry.ts and record both here.
		expect({ importerVersion, output: valueHash(stableStringify(output)) }).toEqual({
			importerVersion: 2,
			output: '71b5dd01de',
		});
	});
});
