import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTree } from '#tools/bench/process-tree.ts';
import { validateInChildProcess, validationService } from '#tools/build/validation-step.ts';
import { projectRoot as root } from '../../../helpers/build-site';
import { scratchSite } from '../../../helpers/scratch-site';

const fixtures = {
	valid: 'tests/fixtures/basic/content',
	/** Errors only: bad dates and YAML, unknown references. */
	broken: 'tests/fixtures/broken/content',
	/** Warnings only: HTML the sanitiser removes from the page. */
	sanitised: 'tests/fixtures/hostile/sanitised/content',
};

/** The content validation processes this test process started and that are still running. */
async function validationProcesses(): Promise<number[]> {
	const pids = (await processTree(process.pid)).slice(1);
	const commands = await Promise.all(
		pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')),
	);
	return pids.filter((_, index) => commands[index]!.includes('validate-content-process'));
}

// Each test starts Node processes loading TypeScript: seconds alone, a minute on a busy machine.
describe('validateInChildProcess', () => {
	it('validates a tree in a process of its own and fails it for errors, not for warnings alone', async () => {
		const [broken, sanitised] = await Promise.all([
			validateInChildProcess(root, { contentDir: fixtures.broken }),
			validateInChildProcess(root, { contentDir: fixtures.sanitised }),
		]);
		expect(broken.fileCount).toBeGreaterThan(5);
		expect(broken.failed).toBe(true);
		expect(broken.report).toMatch(/^\d+ content problems in \d+ files:\n/);
		expect(broken.report).toContain(
			`${fixtures.broken}/events/bad-date.md:3:1 start: expected a real date`,
		);
		expect(sanitised.failed).toBe(false);
		expect(sanitised.report).toMatch(/^\d+ content warnings in \d+ files:\n/);
		expect(sanitised.report).toContain(
			`${fixtures.sanitised}/notes/inline-script.md:7:1 warning: removed from the page: <script> with its content`,
		);
		expect(await validationProcesses()).toEqual([]);
	}, 180_000);

	it('keeps each file’s results in the cache file it is given, so the next run checks none of an unchanged tree', async () => {
		const cacheFile = path.join(await scratchSite({}), 'cache/validation.json');
		const first = await validateInChildProcess(root, { contentDir: fixtures.valid, cacheFile });
		expect(first).toMatchObject({ failed: false, checkedFiles: first.fileCount });
		expect(
			await validateInChildProcess(root, { contentDir: fixtures.valid, cacheFile }),
		).toMatchObject({
			failed: false,
			checkedFiles: 0,
			fileCount: first.fileCount,
		});
	}, 180_000);

	it('rejects when the process cannot start', async () => {
		await expect(
			validateInChildProcess(path.join(root, 'no-such-folder'), { contentDir: 'content' }),
		).rejects.toThrow(/ENOENT/);
	});
});

describe('validationService', async () => {
	/** Warnings and one error: the error fails it. */
	const mixed = await scratchSite({});
	await cp(path.join(root, fixtures.sanitised), mixed, { recursive: true });
	await cp(
		path.join(root, fixtures.broken, 'people/broken-yaml.md'),
		path.join(mixed, 'people/broken-yaml.md'),
	);

	const service = validationService(root);

	it('answers one request after another from one process, as the dev server asks', async () => {
		const [broken, valid, warned] = await Promise.all([
			service.validate({ contentDir: fixtures.broken }),
			service.validate({ contentDir: fixtures.valid }),
			service.validate({ contentDir: mixed }),
		]);
		expect(broken).toMatchObject({
			failed: true,
			report: expect.stringMatching(/content problems? in \d+ files?/),
		});
		expect(valid.failed).toBe(false);
		expect(valid.report).toBeUndefined();
		expect(warned.failed).toBe(true);
		expect(warned.report).toContain('warning: removed from the page');
		expect(warned.report).toContain('broken-yaml.md:3:11 front matter is not valid YAML');
		expect(await validationProcesses()).toHaveLength(1);
	}, 180_000);

	it('starts a new process when its process was killed', async () => {
		const [killed] = await validationProcesses();
		process.kill(killed!, 'SIGKILL');
		// Gone from /proc once this process has reaped it, and so has seen it exit.
		await expect.poll(() => existsSync(`/proc/${killed}`)).toBe(false);
		expect(await service.validate({ contentDir: fixtures.sanitised })).toMatchObject({
			failed: false,
			report: expect.stringContaining('content warnings'),
		});
		const processes = await validationProcesses();
		expect(processes).toHaveLength(1);
		expect(processes).not.toContain(killed);
		process.kill(processes[0]!, 'SIGTERM');
	}, 180_000);
});
