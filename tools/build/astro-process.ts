import { binIn, startProcess } from '#tools/run-command.ts';
import type { AstroRun } from './run-build';

/**
 * Starts `astro build` in a child process sharing this one's terminal. A process of its own so
 * that its memory is returned before Pagefind starts. `EDELWEISS_ASTRO_ROOT` names another Astro
 * project root (a copy of this project's code beside its own `.astro/`): fixture builds in the
 * tests run side by side that way, since Astro writes `<root>/.astro/` in every build.
 */
export function spawnAstroBuild(root: string, env: NodeJS.ProcessEnv): AstroRun {
	const args = ['build', ...(env.EDELWEISS_ASTRO_ROOT ? ['--root', env.EDELWEISS_ASTRO_ROOT] : [])];
	const { child, exitCode } = startProcess(binIn(root, 'astro'), args, {
		cwd: root,
		env,
		stdio: 'inherit',
		onStartError: (error) => console.error(`Could not start astro build: ${error.message}`),
	});
	return { exitCode, stop: () => child.kill('SIGTERM') };
}
