import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs `astro build` in a child process sharing this one's terminal, and resolves to its exit
 * code. A process of its own so that its memory is returned before Pagefind starts.
 */
export function spawnAstroBuild(root: string, env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(path.join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, env, stdio: 'inherit' });
		child.on('error', (error) => {
			console.error(`Could not start astro build: ${error.message}`);
			resolve(127);
		});
		child.on('close', (code) => resolve(code ?? 1));
	});
}
