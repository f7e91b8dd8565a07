import { spawn } from 'node:child_process';
import path from 'node:path';
import type { AstroRun } from './run-build';

/**
 * Starts `astro build` in a child process sharing this one's terminal. A process of its own so
 * that its memory is returned before Pagefind starts.
 */
export function spawnAstroBuild(root: string, env: NodeJS.ProcessEnv): AstroRun {
	const child = spawn(path.join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, env, stdio: 'inherit' });
	const exitCode = new Promise<number>((resolve) => {
		child.on('error', (error) => {
			console.error(`Could not start astro build: ${error.message}`);
			resolve(127);
		});
		child.on('close', (code) => resolve(code ?? 1));
	});
	return { exitCode, stop: () => child.kill('SIGTERM') };
}
