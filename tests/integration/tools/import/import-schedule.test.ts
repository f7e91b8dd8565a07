import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importSchedule, ImportValidationError } from '#tools/import/import-schedule.ts';
import { ScheduleError } from '#lib/schedule/model.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import {
	countBy,
	fosdemExcerpt,
	frontMatter,
	importWorkspaces,
	scheduleFixture,
	snapshot,
} from '../../../helpers/import-workspace';

const { folder, workspace } = importWorkspaces();
// The real FOSDEM 2020 format, its keynotes room only; importing all 872 talks, with FOSDEM 2019
// and 2024, is a build-tier test (tests/build/schedule-series-hub.test.ts).
const fosdem = await fosdemExcerpt(await folder('edelweiss-fosdem-'), ['Janson']);
const democon = scheduleFixture('pretalx-democon.json');

describe('re-importing an updated schedule', () => {
	it('updates what nobody touched, keeps contributor edits and reports conflicts', async () => {
		const { root, content } = await workspace();
		const options = { contentDir: content, timeZone: 'Europe/Brussels', onlyTracks: ['Keynotes'] };
		await importSchedule({ files: [fosdem], ...options });

		const kernelFile = path.join(content, 'talks/fosdem-2020/linux-kernel.md');
		const edited = (await readFile(kernelFile, 'utf8'))
			.replace(
				'title: "The Linux Kernel: We have to finish this thing one day ;)"',
				'title: "The Linux Kernel, twenty years on"',
			)
			.replace('kind: keynote\n', 'kind: keynote\ntags:\n  - kernel\n')
			.replace('links:\n', 'links:\n  - kind: article\n    url: https://lwn.net/Articles/810000/\n')
			.replace(/\n\nToday's Linux kernel[\s\S]*$/, '\n\nOur own notes on the talk.\n');
		await writeFile(kernelFile, edited);

		const updated = path.join(await folder('edelweiss-schedule-'), 'fosdem-2020.xml');
		const source = await readFile(fosdem, 'utf8');
		await writeFile(
			updated,
			source
				.replace(
					'<title>The Linux Kernel: We have to finish this thing one day ;)</title>',
					'<title>The Linux Kernel: still not finished</title>',
				)
				.replace(/(<event id="10715">\s*<start>)10:00/, '$111:00')
				.replace(
					'&lt;p&gt;FOSDEM welcome and opening talk.&lt;/p&gt;',
					'&lt;p&gt;FOSDEM welcome, opening talk and &lt;em&gt;news&lt;/em&gt;.&lt;/p&gt;',
				),
		);

		const result = await importSchedule({ files: [updated], ...options });
		expect(result.conflicts).toEqual([
			{
				path: 'talks/fosdem-2020/linux-kernel.md',
				field: 'title',
				kept: 'The Linux Kernel, twenty years on',
				schedule: 'The Linux Kernel: still not finished',
			},
		]);
		const kernelText = await readFile(kernelFile, 'utf8');
		const kernel = parse(/^---\n([\s\S]*?)\n---/.exec(kernelText)![1]!);
		expect(kernel.title).toBe('The Linux Kernel, twenty years on');
		expect(kernel.start).toBe('11:00');
		expect(kernel.tags).toEqual(['kernel']);
		expect(kernel.links).toContainEqual({
			kind: 'article',
			url: 'https://lwn.net/Articles/810000/',
		});
		expect(kernel.links).toContainEqual(expect.objectContaining({ kind: 'slides' }));
		expect(kernelText).toContain('Our own notes on the talk.');
		expect(kernelText).not.toContain("Today's Linux kernel");
		expect(
			await readFile(path.join(content, 'talks/fosdem-2020/keynotes-welcome.md'), 'utf8'),
		).toContain('FOSDEM welcome, opening talk and _news_.');
		expect((await validateContent(root, 'content')).problems).toEqual([]);

		const again = await importSchedule({ files: [updated], ...options });
		expect(again.files).toEqual([]);
		expect(again.conflicts).toEqual([]);
	}, 120_000);
});

describe('people across imports', () => {
	it('reuses a hand-written person with the same name instead of creating a second one', async () => {
		const { content } = await workspace();
		await mkdir(path.join(content, 'people'), { recursive: true });
		await writeFile(
			path.join(content, 'people/thorsten.md'),
			'---\nname: Thorsten  Leemhuis\n---\n\nKernel regression tracker.\n',
		);
		const result = await importSchedule({
			files: [fosdem],
			contentDir: content,
			timeZone: 'Europe/Brussels',
			only: ['10715'],
		});
		expect(result.files.map((file) => file.path).sort()).toEqual([
			'events/fosdem-2020.md',
			'people/thorsten.md',
			'talks/fosdem-2020/linux-kernel.md',
		]);
		expect(
			(await frontMatter(path.join(content, 'talks/fosdem-2020/linux-kernel.md'))).speakers,
		).toEqual(['thorsten']);
		const person = await readFile(path.join(content, 'people/thorsten.md'), 'utf8');
		expect(person).toContain('Kernel regression tracker.');
		expect(parse(/^---\n([\s\S]*?)\n---/.exec(person)![1]!).source).toEqual({
			ids: { 'fosdem-2020': 7368 },
		});
	});

	it('imports the pretalx export twice without duplicating anyone', async () => {
		const { root, content } = await workspace();
		const first = await importSchedule({ files: [democon], contentDir: content });
		expect(first.warnings[0]).toMatch(/time_zone_name "UTC" disagrees with the offset \+01:00/);
		expect(first.editions[0]!.timeZone).toBe('Etc/GMT-1');
		expect(countBy(first.files, 'talks')).toBe(36);
		const people = countBy(first.files, 'people');
		const second = await importSchedule({ files: [democon], contentDir: content });
		expect(second.files).toEqual([]);
		expect((await readdir(path.join(content, 'people'))).length).toBe(people);
		expect((await validateContent(root, 'content')).problems).toEqual([]);
		const talk = await frontMatter(
			path.join(content, 'talks/democon/25-focused-5thgeneration-hardware.md'),
		);
		expect(talk).toMatchObject({
			day: '2020-12-14',
			start: '09:00',
			duration: 30,
			language: 'en',
			source: { guid: '8079583e-8321-506c-95af-fd2903a5f075' },
		});
	});

	it('names the zone with --timezone', async () => {
		const { content } = await workspace();
		const result = await importSchedule({
			files: [democon],
			contentDir: content,
			timeZone: 'Europe/Berlin',
			dryRun: true,
		});
		expect(result).toMatchObject({
			editions: [{ timeZone: 'Europe/Berlin' }],
			warnings: [],
			written: false,
		});
		expect(result.files.find((file) => file.path === 'events/democon.md')!.text).toContain(
			'timezone: Europe/Berlin',
		);
		expect(await snapshot(content)).toEqual({});
	});
});

describe('a small frab schedule.xml', () => {
	const xml = `<?xml version="1.0"?>
<schedule>
  <conference><title>Night Conf</title><acronym>nightconf</acronym><start>2024-03-09</start><end>2024-03-09</end>
    <time_zone_name>Europe/Berlin</time_zone_name><day_change>04:00</day_change></conference>
  <day index="1" date="2024-03-09">
    <room name="Club">
      <event id="1" guid="6f1c8a62-3a7e-4c5e-9a4e-0d7f0d5b1a01">
        <start>01:30</start><duration>01:00:00</duration><title>Late set</title><type>Talk</type>
        <abstract>&lt;p&gt;After midnight.&lt;/p&gt;</abstract>
        <persons><person guid="0b8e5a7c-1d2e-4f3a-8b9c-aabbccddeeff">Ada L.</person></persons>
      </event>
    </room>
  </day>
</schedule>`;

	it('puts a talk after midnight on the next date, the event recording when its day changes rather than growing a day', async () => {
		const { root, content } = await workspace();
		await mkdir(path.join(content, 'people'), { recursive: true });
		await writeFile(
			path.join(content, 'people/ada-lovelace.md'),
			'---\nname: Ada Lovelace\nsource:\n  guid: 0b8e5a7c-1d2e-4f3a-8b9c-aabbccddeeff\n---\n',
		);
		const file = path.join(root, 'schedule.xml');
		await writeFile(file, xml);
		const result = await importSchedule({ files: [file], contentDir: content });
		expect(result.editions[0]!.timeZone).toBe('Europe/Berlin');
		expect(await frontMatter(path.join(content, 'talks/nightconf/late-set.md'))).toMatchObject({
			day: '2024-03-10',
			start: '01:30',
			duration: 60,
			// Matched by guid although the schedule spells the name differently.
			speakers: ['ada-lovelace'],
		});
		expect(await frontMatter(path.join(content, 'events/nightconf.md'))).toMatchObject({
			start: '2024-03-09',
			end: '2024-03-09',
			dayChange: '04:00',
		});
		expect(result.files.map((entry) => entry.path)).not.toContain('people/ada-l.md');
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	});
});

describe('refusing bad input without writing anything', () => {
	const broken = async (name: string, text: string) => {
		const file = path.join(await folder('edelweiss-broken-'), name);
		await writeFile(file, text);
		return file;
	};
	const democonJson = () => readFile(democon, 'utf8').then((text) => JSON.parse(text));

	it.each([
		[
			'not XML',
			'notes.txt',
			async () => 'BEGIN:VCALENDAR\n',
			/expected a frab schedule\.xml or schedule\.json/,
		],
		[
			'truncated XML',
			'cut.xml',
			async () => (await readFile(fosdem, 'utf8')).slice(0, 30_000),
			/end of file \(line \d+\): not well-formed XML: .* never closed/,
		],
		[
			'truncated JSON',
			'cut.json',
			async () => (await readFile(democon, 'utf8')).slice(0, 30_000),
			/not valid JSON/,
		],
		[
			'a day without a date',
			'nodate.json',
			async () => {
				const json = await democonJson();
				delete json.schedule.conference.days[2].date;
				return JSON.stringify(json);
			},
			/days\[2\]: expected a "date"/,
		],
		[
			'an event without a title',
			'notitle.xml',
			async () =>
				(await readFile(fosdem, 'utf8')).replace(
					'<title>Welcome to FOSDEM 2020</title>',
					'<title></title>',
				),
			/day 2020-02-01, room "Janson", event 9025: expected a <title>/,
		],
	])('%s', async (_, name, text, message) => {
		const { content } = await workspace();
		await importSchedule({ files: [democon], contentDir: content });
		const before = await snapshot(path.dirname(content));
		const file = await broken(name, await text());
		const error = await importSchedule({
			files: [file],
			contentDir: content,
			timeZone: 'Europe/Brussels',
		}).catch((caught) => caught);
		expect(error).toBeInstanceOf(ScheduleError);
		expect(error.message.startsWith(file)).toBe(true);
		expect(error.message).toMatch(message);
		expect(await snapshot(path.dirname(content))).toEqual(before);
	});

	it('stops before writing when the result would not validate', async () => {
		const { content } = await workspace();
		await mkdir(path.join(content, 'people'), { recursive: true });
		// A speaker's existing file is invalid; adding the schedule's id to it would publish that.
		await writeFile(
			path.join(content, 'people/brian.md'),
			'---\nname: Brian Robinson\nhandles: [brian]\n---\n',
		);
		const before = await snapshot(path.dirname(content));
		const error = await importSchedule({ files: [democon], contentDir: content }).catch(
			(caught) => caught,
		);
		expect(error).toBeInstanceOf(ImportValidationError);
		expect(error.problems).toEqual([
			expect.objectContaining({
				file: 'content/people/brian.md',
				line: 3,
				field: 'handles.0',
				message: expect.stringContaining('"@"'),
			}),
		]);
		expect(await snapshot(path.dirname(content))).toEqual(before);
	});

	it('refuses a content tree with a symbolic link, which could send writes anywhere', async () => {
		const { root, content } = await workspace();
		await mkdir(path.join(root, 'elsewhere'), { recursive: true });
		await mkdir(content, { recursive: true });
		await symlink(path.join(root, 'elsewhere'), path.join(content, 'talks'));
		const before = await snapshot(root);
		await expect(importSchedule({ files: [democon], contentDir: content })).rejects.toThrow(
			`${content}/talks: file: symbolic links are refused`,
		);
		expect(await snapshot(root)).toEqual(before);
	});

	it('rejects an --event id that is not a file name, suggesting only a valid one', async () => {
		const { content } = await workspace();
		await expect(
			importSchedule({ files: [democon], contentDir: content, eventId: 'Demo Con' }),
		).rejects.toThrow(
			'--event: "Demo Con": expected an id written like a file name: lower-case ASCII words joined by hyphens, such as "demo-con"',
		);
		await expect(
			importSchedule({ files: [democon], contentDir: content, eventId: '///tmp/pwned' }),
		).rejects.toThrow('such as "tmp-pwned"');
		await expect(
			importSchedule({ files: [democon], contentDir: content, eventId: '../../x' }),
		).rejects.toThrow('such as "x"');
	});

	it('names a content file whose front matter is broken', async () => {
		const { content } = await workspace();
		await importSchedule({ files: [democon], contentDir: content });
		const talk = path.join(content, 'talks/democon/25-focused-5thgeneration-hardware.md');
		await writeFile(
			talk,
			(await readFile(talk, 'utf8')).replace(
				'title: Focused 5thgeneration hardware',
				'title: [broken',
			),
		);
		const before = await snapshot(content);
		await expect(importSchedule({ files: [democon], contentDir: content })).rejects.toThrow(
			/^talks\/democon\/25-focused-5thgeneration-hardware\.md: line \d+: front matter is not valid YAML/,
		);
		expect(await snapshot(content)).toEqual(before);
	});

	it('says which tracks exist when --only-track names none', async () => {
		const { content } = await workspace();
		await expect(
			importSchedule({
				files: [fosdem],
				contentDir: content,
				timeZone: 'Europe/Brussels',
				onlyTracks: ['Keynote'],
			}),
		).rejects.toThrow(/--only-track: no talk is in track "Keynote"; tracks are: .*Keynotes/);
		await expect(
			importSchedule({ files: [democon], contentDir: content, only: ['99999'] }),
		).rejects.toThrow(/--only: no talk has the id, guid or slug 99999/);
	});
});

describe('talks are found by guid, and ids compared as the schedule means them', () => {
	it('never replaces a talk whose guid differs, even with the same id', async () => {
		const { root, content } = await workspace();
		await importSchedule({ files: [democon], contentDir: content });
		const talkFile = path.join(content, 'talks/democon/25-focused-5thgeneration-hardware.md');
		const before = await readFile(talkFile, 'utf8');
		const json = JSON.parse(await readFile(democon, 'utf8'));
		const talk = json.schedule.conference.days[0].rooms['Gray Room'][0];
		expect(talk.id).toBe(25);
		talk.guid = '11111111-2222-4333-8444-555555555555';
		talk.title = 'Another talk that reuses id 25';
		const file = path.join(root, 'reused-id.json');
		await writeFile(file, JSON.stringify(json));
		const result = await importSchedule({ files: [file], contentDir: content, only: ['25'] });
		expect(result.warnings).toContainEqual(
			expect.stringContaining(
				'id 25 is the id of talks/democon/25-focused-5thgeneration-hardware.md, but the guids differ',
			),
		);
		expect(await readFile(talkFile, 'utf8')).toBe(before);
		expect(result.files.find((planned) => planned.path.startsWith('talks/'))).toMatchObject({
			created: true,
		});
	});
});
