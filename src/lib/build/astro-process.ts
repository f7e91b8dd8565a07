import { spawn } from 'node:child_process';
import path from 'node:path';
import type { AstroRun } from './run-build';

/**
 * Starts `astro build` in a child process sharing this one's terminal. A process of its own so
 * that its memory is returned before Pagefind starts. `EDELWEISS_ASTRO_ROOT` names another Astro
 * project root (a copy of this project's code beside its own `.astro/`): fixture builds in the
 * tests run side by side that way, since Astro writes `<root>/.astro/` in every build.
 */
export function spawnAstroBuild(root: string, env: NodeJS.ProcessEnv): AstroRun {
	const args = ['build', ...(env.EDELWEISS_ASTRO_ROOT ? ['--root', env.EDELWEISS_ASTRO_ROOT] : [])];
	const child = spawn(path.join(root, 'node_modules/.bin/astro'), args, { cwd: root, env, stdio: 'inherit' });
	const exitCode = new Promise<number>((resolve) => {
		child.on('error', (error) => {
			console.error(`Could not start astro build: ${error.message}`);
			resolve(127);
		});
		child.on('close', (code) => resolve(code ?? 1));
	});
	return { exitCode, stop: () => child.kill('SIGTERM') };
}
