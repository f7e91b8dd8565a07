import { mkdir, mkdtemp, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFolderLock } from '#tools/folder-lock.ts';

describe('withFolderLock', () => {
	it('takes over a lock folder whose owner died before writing its pid', async () => {
		const lock = path.join(await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-')), 'held.lock');
		await mkdir(lock);
		const old = new Date(Date.now() - 60_000);
		await utimes(lock, old, old);
		expect(await withFolderLock(lock, async () => 'ran')).toBe('ran');
	});

	it('tells a waiting caller who holds the lock', async () => {
		const lock = path.join(await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-')), 'held.lock');
		const waited: (number | undefined)[] = [];
		let second: Promise<string> | undefined;
		await withFolderLock(lock, async () => {
			second = withFolderLock(lock, async () => 'second', { onWait: (pid) => waited.push(pid) });
			await new Promise((resolve) => setTimeout(resolve, 300));
		});
		expect(await second).toBe('second');
		expect(waited).toEqual([process.pid]);
	});
});
