import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAstroLock } from '#tools/astro-lock.ts';

describe('withAstroLock', () => {
	it('runs holders one at a time, in the order they asked', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-'));
		const events: string[] = [];
		const hold = (name: string) =>
			withAstroLock(root, async () => {
				events.push(`${name} in`);
				await new Promise((resolve) => setTimeout(resolve, 300));
				events.push(`${name} out`);
			});
		await Promise.all([
			hold('a'),
			new Promise((resolve) => setTimeout(resolve, 50)).then(() => hold('b')),
		]);
		expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
	});

	it('takes over a lock left by a process that no longer runs', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-'));
		await mkdir(path.join(root, '.astro/edelweiss.lock'), { recursive: true });
		// Pids wrap far below this, so no process has it.
		await writeFile(path.join(root, '.astro/edelweiss.lock/pid'), '999999999');
		expect(await withAstroLock(root, async () => 'ran')).toBe('ran');
	});

	it('takes over a lock that has had no pid file for a while, and says so', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-'));
		const lock = path.join(root, '.astro/edelweiss.lock');
		await mkdir(lock, { recursive: true });
		const aMinuteAgo = new Date(Date.now() - 60_000);
		await utimes(lock, aMinuteAgo, aMinuteAgo);
		const reports: string[] = [];
		expect(
			await withAstroLock(root, async () => 'ran', { report: (message) => reports.push(message) }),
		).toBe('ran');
		expect(reports).toEqual([
			expect.stringMatching(/^Taking over .*edelweiss\.lock: it has had no pid file for 60 s\.$/),
		]);
	}, 5_000);

	it('leaves a fresh lock without a pid to its holder, which is about to write it', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-'));
		await mkdir(path.join(root, '.astro/edelweiss.lock'), { recursive: true });
		const started = Date.now();
		expect(
			await withAstroLock(root, async () => 'ran', { abandonedAfterMs: 600, report: () => {} }),
		).toBe('ran');
		expect(Date.now() - started).toBeGreaterThanOrEqual(600);
	});

	it('says which process it waits for', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-'));
		const lock = path.join(root, '.astro/edelweiss.lock');
		await mkdir(lock, { recursive: true });
		await writeFile(path.join(lock, 'pid'), String(process.pid));
		const reports: string[] = [];
		setTimeout(() => rm(lock, { recursive: true, force: true }), 500);
		expect(
			await withAstroLock(root, async () => 'ran', {
				reportAfterMs: 100,
				report: (message) => reports.push(message),
			}),
		).toBe('ran');
		expect(reports).toEqual([
			`Waiting for process ${process.pid} to finish with this checkout's .astro/ (lock: ${lock}); delete the lock if no Astro build, check or sync is running.`,
		]);
	});
});
