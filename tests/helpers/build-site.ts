import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCommand } from '../../src/lib/build/settings';
import { withAstroLock } from '../../src/lib/check/astro-lock';
import { runCommand } from '../../src/lib/check/run-command';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const outputRoot = path.join(projectRoot, 'tests/.output');

export interface BuildResult {
	exitCode: number;
	/** stdout and stderr together, without terminal colours. */
	output: string;
	dist: string;
}

/**
 * Runs the real `npm run build` (scripts/build.ts: Astro, then Pagefind and the offline files)
 * over a content tree in a child process, as a contributor would, writing to
 * `tests/.output/<name>/` with its own caches so fixtures never share state. `incremental`
 * keeps the last build's output and caches, as a contributor's second build would.
 */
export async function buildSite(
	name: string,
	contentDir: string,
	env: Record<string, string> = {},
	{ locked = false, incremental = false }: { /** The caller already holds the Astro lock. */ locked?: boolean; incremental?: boolean } = {},
): Promise<BuildResult> {
	const outDir = path.join(outputRoot, name);
	if (!incremental) await rm(outDir, { recursive: true, force: true });
	await mkdir(outDir, { recursive: true });
	const dist = path.join(outDir, 'dist');
	const build = () =>
		runCommand(buildCommand(projectRoot).command, buildCommand(projectRoot).args, {
			cwd: projectRoot,
			env: {
				EDELWEISS_CONTENT: contentDir,
				EDELWEISS_OUT_DIR: dist,
				EDELWEISS_CACHE_DIR: path.join(outDir, 'cache'),
				...env,
			},
		});
	// One Astro process at a time: they share `.astro/` (see withAstroLock).
	const { exitCode, output } = locked ? await build() : await withAstroLock(projectRoot, build);
	return { exitCode, output, dist };
}

/** The fixture content trees, by name. */
export const fixtureContent = (name: string) => path.join('tests/fixtures', name, 'content');
