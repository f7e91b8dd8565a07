import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { ScheduleError } from '#lib/schedule/model.ts';
import { isError } from '#lib/validation/problem.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { outsideSecret } from '../../../helpers/hostile';
import { snapshot } from '../../../helpers/import-workspace';

/** What a hostile schedule must lead to (tests/fixtures/hostile/schedules/expected.json). */
interface Expected {
	outcome: 'imported' | 'refused';
	/** Refused: what the message says, after the file and the location. */
	message?: string;
	/** Refused: how many problems are listed at once. */
	problems?: number;
	/** Imported: a file the import writes, inside content/. */
	written?: string;
	/** Imported: text no written file may hold, and text some written file holds. */
	absent?: string[];
	present?: string[];
	warning?: string;
}

const folder = fileURLToPath(new URL('../../../fixtures/hostile/schedules/', import.meta.url));
const expected = JSON.parse(await readFile(path.join(folder, 'expected.json'), 'utf8')) as Record<
	string,
	Expected
>;
const cases = (await readdir(folder)).filter((name) => name !== 'expected.json').sort();
const handWritten = '---\nname: Ada Lovelace\n---\n\nWritten by hand; no import may replace it.\n';
const readme = '# The repository\n\nNo import may touch this.\n';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/**
 * A repository with a README beside its content tree and a hand-written person inside it,
 * eight folders down a scratch folder: a path that escapes `content/` lands in the scratch
 * folder, where `snapshot(outside(root))` sees it.
 */
async function repository(): Promise<string> {
	const scratch = await mkdtemp(path.join(tmpdir(), 'edelweiss-hostile-'));
	roots.push(scratch);
	const root = path.join(scratch, 'a/b/c/d/e/f/g/repository');
	await mkdir(path.join(root, 'content/people'), { recursive: true });
	await writeFile(path.join(root, 'README.md'), readme);
	await writeFile(path.join(root, 'content/people/ada-lovelace.md'), handWritten);
	return root;
}
const outside = (root: string) => path.resolve(root, '../../../../../../../..');

const stackLine = /\n\s+at [\w<.]/;

describe('every hostile schedule has an asserted outcome', () => {
	it('lists at least 75 schedules, each with its expectation', () => {
		expect(cases.length).toBeGreaterThanOrEqual(75);
		expect(cases.filter((name) => !expected[name])).toEqual([]);
		expect(Object.keys(expected).filter((name) => !cases.includes(name))).toEqual([]);
	});
});

describe.each(cases)('importing the hostile schedule %s', (name) => {
	const want = expected[name]!;
	const file = path.join(folder, name);

	it('writes nothing anywhere in a dry run', async () => {
		const root = await repository();
		const before = await snapshot(outside(root));
		await importSchedule({
			files: [file],
			contentDir: path.join(root, 'content'),
			timeZone: 'Europe/Brussels',
			dryRun: true,
		}).catch(() => undefined);
		expect(await snapshot(outside(root))).toEqual(before);
	});

	if (want.outcome === 'refused') {
		it(`is refused, naming the file and where: ${want.message}`, async () => {
			const root = await repository();
			const before = await snapshot(outside(root));
			const error = await importSchedule({
				files: [file],
				contentDir: path.join(root, 'content'),
				timeZone: 'Europe/Brussels',
			}).then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(error).toBeInstanceOf(ScheduleError);
			const lines = (error as ScheduleError).message.split('\n');
			for (const line of lines) expect(line.startsWith(`${file}: `)).toBe(true);
			expect((error as ScheduleError).message).toContain(want.message);
			expect((error as ScheduleError).problems).toHaveLength(want.problems ?? 1);
			expect((error as Error).message).not.toMatch(stackLine);
			expect(await snapshot(outside(root))).toEqual(before);
		});
		return;
	}

	it('is imported inside content/, valid, losing nothing and carrying nothing unsafe', async () => {
		const root = await repository();
		const before = await snapshot(outside(root));
		const result = await importSchedule({
			files: [file],
			contentDir: path.join(root, 'content'),
			timeZone: 'Europe/Brussels',
		});
		const after = await snapshot(outside(root));
		const inRepository = (key: string) => key.replace('a/b/c/d/e/f/g/repository/', '');
		const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
		expect(Object.keys(before).filter((key) => !(key in after))).toEqual([]);
		for (const key of changed)
			expect(inRepository(key)).toMatch(/^content\/(events|talks|people)\/[a-z0-9/-]+\.md$/);
		expect(after['a/b/c/d/e/f/g/repository/README.md']).toBe(readme);
		expect(after['a/b/c/d/e/f/g/repository/content/people/ada-lovelace.md']).toBe(handWritten);
		expect((await validateContent(root, 'content')).problems.filter(isError)).toEqual([]);
		if (want.written) expect(result.files.map((written) => written.path)).toContain(want.written);
		const texts = changed.map((key) => after[key]!).join('\n');
		for (const text of want.absent ?? []) expect(texts).not.toContain(text);
		for (const text of want.present ?? []) expect(texts).toContain(text);
		if (want.warning) expect(result.warnings.join('\n')).toContain(want.warning);
		expect(Object.keys(after).some((key) => key.includes('.edelweiss-import'))).toBe(false);
	});
});

describe('a folder of schedules holding symbolic links (a repository cannot carry them well: made here)', () => {
	it('refuses each link by name, reads none of them and writes nothing', async () => {
		const root = await repository();
		const schedules = path.join(outside(root), 'schedules');
		await mkdir(schedules);
		await writeFile(
			path.join(outside(root), 'secret.xml'),
			`<?xml version="1.0"?><schedule><!-- ${outsideSecret} --></schedule>`,
		);
		await writeFile(
			path.join(schedules, 'a-real.xml'),
			await readFile(path.join(folder, 'abstract-iframe.xml')),
		);
		await symlink(path.join(outside(root), 'secret.xml'), path.join(schedules, 'b-elsewhere.xml'));
		await symlink('/etc/passwd', path.join(schedules, 'c-passwd.json'));
		const before = await snapshot(outside(root));
		for (const dryRun of [true, false]) {
			const error = await importSchedule({
				files: [schedules],
				contentDir: path.join(root, 'content'),
				timeZone: 'Europe/Brussels',
				dryRun,
			}).then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(error).toBeInstanceOf(ScheduleError);
			expect((error as ScheduleError).message.split('\n')).toEqual([
				`${schedules}: b-elsewhere.xml: is a symbolic link: a folder of schedules is read without following links; put the file itself in the folder`,
				`${schedules}: c-passwd.json: is a symbolic link: a folder of schedules is read without following links; put the file itself in the folder`,
			]);
			expect((error as Error).message).not.toContain(outsideSecret);
			expect((error as Error).message).not.toContain('root:');
		}
		expect(await snapshot(outside(root))).toEqual(before);
	});
});
