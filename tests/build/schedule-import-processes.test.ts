import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, runScript, tsxCommand } from '#tools/run-command.ts';
import { importWorkFolder } from '#lib/content/import-state.ts';
import { withFolderLock } from '#tools/folder-lock.ts';
import { ImportChangedError } from '#tools/import/import-journal.ts';
import { importSchedule } from '#tools/import/import-schedule.ts';
import type * as ImportScheduleModule from '#tools/import/import-schedule.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { projectRoot } from '../helpers/build-site';
import { hostileFixtures } from '../helpers/hostile';
import { frontMatter, importWorkspaces, snapshot } from '../helpers/import-workspace';
import { inChildProcess } from '../helpers/in-child-process';

/**
 * The importer against real processes and real schedules: killed mid-way, run twice at once,
 * racing an editor, and over the hub's own content. Slower than the unit tier allows.
 */

const schedules = path.join(projectRoot, 'tests/fixtures/schedules');
const fosdem = path.join(schedules, 'fosdem-2020.xml');
const democon = path.join(schedules, 'pretalx-democon.json');
const { workspace } = importWorkspaces();

describe('ids compared as the schedule means them', () => {
	it('reports no false conflicts importing FOSDEM 2020 over the hub’s own content (ids "427" and 427 are one)', async () => {
		const { content } = await workspace();
		await cp(path.join(projectRoot, 'content'), content, { recursive: true });
		// Full size, so in a child process, out of the coverage's way (tests/helpers/in-child-process.ts).
		const inChild = inChildProcess<typeof ImportScheduleModule>('#tools/import/import-schedule.ts');
		const result = await inChild.importSchedule({
			files: [fosdem],
			contentDir: content,
			timeZone: 'Europe/Brussels',
			dryRun: true,
		});
		expect(result.conflicts.filter((conflict) => conflict.field === 'source')).toEqual([]);
	}, 120_000);
});

describe('an import interrupted, run twice at once, or racing an edit', () => {
	/** DemoCon with every title changed, so a re-import replaces every talk file. */
	async function renamedDemocon(root: string): Promise<string> {
		const json = JSON.parse(await readFile(democon, 'utf8'));
		for (const day of json.schedule.conference.days)
			for (const talks of Object.values(day.rooms) as { title: string }[][])
				for (const talk of talks) talk.title = `${talk.title} (revised)`;
		const file = path.join(root, 'democon-revised.json');
		await writeFile(file, JSON.stringify(json));
		return file;
	}

	it('is completed by the next run after a kill during its rename pass, and the build refuses the half-imported tree meanwhile', async () => {
		const { root, content } = await workspace();
		await importSchedule({ files: [democon], contentDir: content });
		const revised = await renamedDemocon(root);
		const killed = await runScript(
			path.join(projectRoot, 'tests/helpers/import-then-die.ts'),
			[revised, content, '20'],
			{ cwd: projectRoot },
		);
		expect(killed.exitCode).not.toBe(0);

		// Half applied: 20 talks revised, the rest not, and the validator says so.
		const titles = async () =>
			Promise.all(
				(await readdir(path.join(content, 'talks/democon'))).map(
					async (name) =>
						(await frontMatter(path.join(content, 'talks/democon', name))).title as string,
				),
			);
		const revisedCount = (await titles()).filter((title) => title.endsWith('(revised)')).length;
		expect(revisedCount).toBeGreaterThan(0);
		expect(revisedCount).toBeLessThan(36);
		const { problems } = await validateContent(root, 'content');
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: 'content/.edelweiss-import/journal.json',
				message: expect.stringContaining('half imported'),
			}),
		);
		// The stage folder is git-ignored.
		const ignored = await runCommand(
			'git',
			['check-ignore', '-q', 'content/.edelweiss-import/stage/talks/x.md'],
			{ cwd: projectRoot },
		);
		expect(ignored.exitCode).toBe(0);

		const next = await importSchedule({ files: [revised], contentDir: content });
		expect(next.completed.length).toBeGreaterThan(20);
		expect(next.files).toEqual([]);
		expect((await titles()).every((title) => title.endsWith('(revised)'))).toBe(true);
		expect(await readdir(content)).not.toContain('.edelweiss-import');
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	}, 120_000);

	it('clears a stage left before the import decided, changing nothing', async () => {
		const { content } = await workspace();
		await importSchedule({ files: [democon], contentDir: content });
		const before = await snapshot(content);
		await mkdir(path.join(content, '.edelweiss-import/stage/talks/democon'), { recursive: true });
		await writeFile(
			path.join(
				content,
				'.edelweiss-import/stage/talks/democon/25-focused-5thgeneration-hardware.md',
			),
			'half written',
		);
		const result = await importSchedule({ files: [democon], contentDir: content });
		expect(result.completed).toEqual([]);
		expect(await snapshot(content)).toEqual(before);
	});

	it('runs two imports one after the other when started together, losing neither', async () => {
		const { root, content } = await workspace();
		const day = (date: string, id: number, title: string) =>
			`<?xml version="1.0"?><schedule><conference><title>Two Day Conf</title><acronym>twoday</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference>` +
			`<day index="1" date="${date}"><room name="A"><event id="${id}" guid="00000000-0000-4000-8000-00000000000${id}"><start>10:00</start><duration>00:30</duration><title>${title}</title><persons><person id="${id}">Speaker ${id}</person></persons></event></room></day></schedule>`;
		await writeFile(path.join(root, 'day1.xml'), day('2024-03-09', 1, 'Saturday talk'));
		await writeFile(path.join(root, 'day2.xml'), day('2024-03-10', 2, 'Sunday talk'));
		// Both start while another holder has the tree, so both must wait, then take turns.
		const imports = await withFolderLock(
			path.join(content, `${importWorkFolder}.lock`),
			async () => {
				const started = ['day1.xml', 'day2.xml'].map((name) => {
					const { command, args } = tsxCommand('scripts/import.ts', [
						path.join(root, name),
						'--content',
						content,
					]);
					const child = spawn(command, args, {
						cwd: projectRoot,
						stdio: ['ignore', 'pipe', 'pipe'],
					});
					const run = {
						output: '',
						exit: new Promise<number | null>((resolve) => child.on('close', resolve)),
					};
					child.stdout.on('data', (chunk) => (run.output += chunk));
					child.stderr.on('data', (chunk) => (run.output += chunk));
					return run;
				});
				await expect
					.poll(
						() =>
							started.every((run) =>
								run.output.includes('waiting for the import running as process'),
							),
						{ timeout: 60_000 },
					)
					.toBe(true);
				return started;
			},
		);
		expect(await Promise.all(imports.map((run) => run.exit))).toEqual([0, 0]);
		expect(await frontMatter(path.join(content, 'events/twoday.md'))).toMatchObject({
			start: '2024-03-09',
			end: '2024-03-10',
		});
		expect((await readdir(path.join(content, 'talks/twoday'))).sort()).toEqual([
			'saturday-talk.md',
			'sunday-talk.md',
		]);
		expect((await validateContent(root, 'content')).problems).toEqual([]);
	}, 120_000);

	it('keeps an edit saved while the import ran, and writes nothing', async () => {
		const { root, content } = await workspace();
		await importSchedule({ files: [democon], contentDir: content });
		const revised = await renamedDemocon(root);
		const talkFile = path.join(content, 'talks/democon/25-focused-5thgeneration-hardware.md');
		const edited = (await readFile(talkFile, 'utf8')).replace(
			/\n\n[\s\S]*$/,
			'\n\nNotes a contributor saved during the import.\n',
		);
		const before = await snapshot(content);
		let saved = false;
		const error = await importSchedule({
			files: [revised],
			contentDir: content,
			// The content is read by now: a contributor saves an edit while the import plans.
			onProgress: () => {
				if (saved) return;
				saved = true;
				writeFileSync(talkFile, edited);
			},
		}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ImportChangedError);
		expect((error as Error).message).toBe(
			'talks/democon/25-focused-5thgeneration-hardware.md changed while the import ran; nothing was written. Import again to merge it.',
		);
		expect(await snapshot(content)).toEqual({
			...before,
			'talks/democon/25-focused-5thgeneration-hardware.md': edited,
		});
	});
});

const stackLine = /\n\s+at [\w<.]/;

describe('npm run import on hostile schedules', () => {
	const run = (args: string[]) => runScript('scripts/import.ts', args, { cwd: projectRoot });

	const folder = path.join(hostileFixtures, 'schedules');
	it.each([
		['xml-proto-element.xml', 'line 17: the name "__proto__" is refused'],
		['a-folder.xml', 'file: is a folder without a .xml or .json file in it'],
		['twelve-bad-durations.xml', 'event 12: expected <duration>'],
	])(
		'refuses %s with exit status 1, the file and the location, and no stack trace',
		async (name, message) => {
			const { root } = await workspace();
			const { exitCode, output } = await run([
				path.join(folder, name),
				'--content',
				path.join(root, 'content'),
				'--timezone',
				'Europe/Brussels',
			]);
			expect(exitCode).toBe(1);
			expect(output).toContain(`error: ${path.join(folder, name)}: `);
			expect(output).toContain(message);
			expect(output).not.toMatch(stackLine);
		},
	);
});
