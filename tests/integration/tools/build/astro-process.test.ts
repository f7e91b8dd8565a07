import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { spawnAstroBuild } from '#tools/build/astro-process.ts';
import { scratchSite } from '../../../helpers/scratch-site';

/** A project whose `node_modules/.bin/astro` is `script`: Astro itself is the build tier's. */
async function projectWithAstro(script: string): Promise<string> {
	const root = await scratchSite({ 'node_modules/.bin/astro': `#!/bin/sh\n${script}\n` });
	await chmod(path.join(root, 'node_modules/.bin/astro'), 0o755);
	return root;
}

describe('spawnAstroBuild', async () => {
	const [recording, slow, none] = await Promise.all([
		projectWithAstro('echo "$PWD|$*|$EDELWEISS_VALIDATION_GATE" > astro-ran.txt\nexit 3'),
		projectWithAstro('exec sleep 60'),
		scratchSite({}),
	]);

	it('runs the project’s `astro build` in the project, with the environment given, and passes on its exit code', async () => {
		const run = spawnAstroBuild(recording, {
			PATH: process.env.PATH,
			EDELWEISS_VALIDATION_GATE: '/tmp/gate',
		});
		expect(await run.exitCode).toBe(3);
		expect(await readFile(path.join(recording, 'astro-ran.txt'), 'utf8')).toBe(
			`${recording}|build|/tmp/gate\n`,
		);
	});

	it('gives Astro the project root named in EDELWEISS_ASTRO_ROOT, still running in the project', async () => {
		const run = spawnAstroBuild(recording, {
			PATH: process.env.PATH,
			EDELWEISS_ASTRO_ROOT: '/tmp/astro-root',
		});
		expect(await run.exitCode).toBe(3);
		expect(await readFile(path.join(recording, 'astro-ran.txt'), 'utf8')).toBe(
			`${recording}|build --root /tmp/astro-root|\n`,
		);
	});

	it('stops it when asked, as the build does when the content is invalid', async () => {
		const run = spawnAstroBuild(slow, { PATH: process.env.PATH });
		run.stop();
		// Ended by a signal: no exit code of its own, so a failure.
		expect(await run.exitCode).toBe(1);
	});

	it('says so and fails when Astro is not installed', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			expect(await spawnAstroBuild(none, {}).exitCode).toBe(127);
			expect(error).toHaveBeenCalledWith(
				expect.stringMatching(
					/^Could not start astro build: spawn .*node_modules\/\.bin\/astro ENOENT$/,
				),
			);
		} finally {
			error.mockRestore();
		}
	});
});
