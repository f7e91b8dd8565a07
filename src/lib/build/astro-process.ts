import { binIn, startProcess } from '../check/run-command';
import type { AstroRun } from './run-build';

/**
 * Starts `astro build` in a child process sharing this one's terminal. A process of its own so
 * that its memory is returned before Pagefind starts.
 */
export function spawnAstroBuild(root: string, env: NodeJS.ProcessEnv): AstroRun {
	const { child, exitCode } = startProcess(binIn(root, 'astro'), ['build'], {
		cwd: root,
		env,
		stdio: 'inherit',
		onStartError: (error) => console.error(`Could not start astro build: ${error.message}`),
	});
	return { exitCode, stop: () => child.kill('SIGTERM') };
}
