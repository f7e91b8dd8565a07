import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAstroLock } from '../../../src/lib/check/astro-lock';

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
		await Promise.all([hold('a'), new Promise((resolve) => setTimeout(resolve, 50)).then(() => hold('b'))]);
		expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
	});

	it('takes over a lock left by a process that no longer runs', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-lock-'));
		await mkdir(path.join(root, '.astro/edelweiss.lock'), { recursive: true });
		// Pids wrap far below this, so no process has it.
		await writeFile(path.join(root, '.astro/edelweiss.lock/pid'), '999999999');
		expect(await withAstroLock(root, async () => 'ran')).toBe('ran');
	});
});
