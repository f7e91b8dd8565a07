import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCommand, projectInputs } from '#tools/build/settings.ts';
import { binIn, runCommand } from '#tools/run-command.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const outputRoot = path.join(projectRoot, 'tests/.output');

export interface BuildResult {
	exitCode: number;
	/** stdout and stderr together, without terminal colours. */
	output: string;
	dist: string;
}

/**
 * Where builds' own Astro roots are: outside the project, since each links back to the
 * project's folders (`tests/` among them), and a tree that links into itself sends every
 * watcher and file walker that follows links (astro dev, astro check) round in circles.
 */
const astroRoots = path.join(
	tmpdir(),
	'edelweiss-astro-roots',
	createHash('sha256').update(projectRoot).digest('hex').slice(0, 12),
);

/** The top-level files and folders of the project that Astro compiles: copied into a build's own Astro root. */
const compiledInputs = new Set(
	projectInputs.filter((input) => !input.includes('/')).filter((input) => input !== 'node_modules'),
);

/**
 * The Astro project root named `name`, of a build or a dev server of its own, made or brought up
 * to date: copies of what Astro compiles (`src/`, `public/`, the configuration), links to
 * everything else (`node_modules/`, `content/`, `tests/`), and its own `.astro/`. Astro writes
 * `<root>/.astro/` (the content module map) in every build, so two builds of one root at once
 * break each other, and two dev servers too: each watches `.astro/data-store.json`, which the
 * other rewrites, and reloads its content from it. The copies keep module paths inside the
 * root, where Vite and Astro expect them (a linked `src/` resolves outside it and loses the
 * pages' styles). Content paths stay relative to the project, as are entries' `filePath`s, so
 * pages read the same as in a build of the project itself.
 */
export async function ownAstroRoot(name: string): Promise<string> {
	const astroRoot = path.join(astroRoots, name);
	await mkdir(astroRoot, { recursive: true });
	for (const entry of await readdir(projectRoot)) {
		if (entry === '.astro' || entry === '.git') continue;
		const source = path.join(projectRoot, entry);
		const target = path.join(astroRoot, entry);
		if (compiledInputs.has(entry)) {
			await rm(target, { recursive: true, force: true });
			// Times kept: an incremental build compares its code with the last build's.
			await cp(source, target, { recursive: true, preserveTimestamps: true });
		} else if (!existsSync(target)) {
			await symlink(source, target);
		}
	}
	return astroRoot;
}

/**
 * Starts `astro dev` as `npm run dev` does, in an Astro root of its own (`ownAstroRoot`), with
 * the build's settings (`EDELWEISS_CONTENT`, `EDELWEISS_OUT_DIR`, `EDELWEISS_CACHE_DIR`) and
 * `args` after `--root`. `--ignore-lock`: it never collides with (or stops) a developer's own
 * dev server. The caller reads its output and stops it.
 */
export function startAstroDev(
	root: string,
	settings: Record<string, string>,
	args: string[] = [],
): ChildProcess {
	return spawn(binIn(projectRoot, 'astro'), ['dev', '--ignore-lock', '--root', root, ...args], {
		cwd: projectRoot,
		env: {
			// Astro's dev server serves no pages when it sees `VITEST` set, and `NODE_ENV=test` is Vitest's too.
			...Object.fromEntries(
				Object.entries(process.env).filter(([variable]) => !variable.startsWith('VITEST')),
			),
			NODE_ENV: 'development',
			ASTRO_TELEMETRY_DISABLED: '1',
			ASTRO_DEV_BACKGROUND: '0',
			NO_COLOR: '1',
			...settings,
		},
	});
}

/**
 * Runs the real `npm run build` (scripts/build.ts: Astro, then Pagefind and the offline files)
 * over a content tree in a child process, as a contributor would, writing to
 * `tests/.output/<name>/` with its own caches and Astro root, so fixtures never share state and
 * build side by side. `incremental` keeps the last build's output and caches, as a
 * contributor's second build would. Builds of one name must not overlap (`builtSite` locks).
 */
export async function buildSite(
	name: string,
	contentDir: string,
	env: Record<string, string> = {},
	{ incremental = false }: { incremental?: boolean } = {},
): Promise<BuildResult> {
	const outDir = path.join(outputRoot, name);
	if (!incremental) await rm(outDir, { recursive: true, force: true });
	await mkdir(outDir, { recursive: true });
	const dist = path.join(outDir, 'dist');
	const astroRoot = await ownAstroRoot(name);
	// Relative to the project, whose folders the Astro root links: entries' `filePath`s are then the same.
	const content = path.relative(projectRoot, path.resolve(projectRoot, contentDir));
	if (content.startsWith('..'))
		throw new Error(`A fixture's content must be inside the project: ${contentDir}`);
	const { command, args } = buildCommand(projectRoot);
	const { exitCode, output } = await runCommand(command, args, {
		cwd: projectRoot,
		env: {
			EDELWEISS_CONTENT: content,
			EDELWEISS_OUT_DIR: dist,
			EDELWEISS_CACHE_DIR: path.join(outDir, 'cache'),
			EDELWEISS_ASTRO_ROOT: astroRoot,
			...env,
		},
	});
	return { exitCode, output, dist };
}

/** The fixture content trees, by name. */
export const fixtureContent = (name: string) => path.join('tests/fixtures', name, 'content');
