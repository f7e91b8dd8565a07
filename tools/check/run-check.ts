import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCommand, buildPaths } from '#tools/build/settings.ts';
import type { Problem } from '#lib/validation/problem.ts';
import { withAstroLock } from '#tools/astro-lock.ts';
import { stagePassed, type StageResult } from './report';
import { binIn, runCommand } from '#tools/run-command.ts';
import { parseAstroCheckOutput } from './astro-check';

export const stageIds = [
	'content',
	'types',
	'lint',
	'format',
	'unused',
	'build',
	'links',
	'html',
	'accessibility',
] as const;
export type StageId = (typeof stageIds)[number];

export const stageTitles: Record<StageId, string> = {
	content: 'Content validation',
	types: 'Type checking (astro check)',
	lint: 'Lint (ESLint)',
	format: 'Formatting (Prettier)',
	unused: 'Unused code (knip)',
	build: 'Build',
	links: 'Links, anchors and assets',
	html: 'HTML validity',
	accessibility: 'Accessibility (axe)',
};

export interface CheckOptions {
	/** The project root. */
	root: string;
	/** The content tree, relative to the root. */
	contentDir: string;
	/** Check this built site instead of building one. */
	dist?: string;
	/** Stages not to run (reported as skipped). */
	skip?: ReadonlySet<StageId>;
	/** Called as each stage ends, so a terminal sees progress. */
	onStage?: (stage: StageResult) => void;
}

/** The last lines of a command's output: enough to see why it failed without flooding a CI log. */
const tail = (output: string, lines = 40) => output.trimEnd().split('\n').slice(-lines).join('\n');

/**
 * Runs everything a merge request must pass: content validation, `astro check`, ESLint, Prettier
 * and knip over the code, a build into a temporary folder, then the built site's links, HTML and
 * accessibility. After the content, three tracks run side by side (the type check; the code's
 * own checks; the build and the site's checks), so a run takes as long as its longest track, not
 * their sum; `astro check` and the build share the Astro lock, so they still take turns. A stage
 * whose input is broken is skipped with the reason; every other stage still runs, so one run
 * reports as much as it can. The results come back in the stages' order. Each stage loads its
 * tools (ESLint, Prettier, html-validate, Playwright) when it runs: they are most of a start's
 * CPU, which a run that skips them need not pay.
 */
export async function runCheck({
	root,
	contentDir,
	dist: givenDist,
	skip = new Set(),
	onStage,
}: CheckOptions): Promise<StageResult[]> {
	const stages: StageResult[] = [];
	const astro = binIn(root, 'astro');
	const build = buildCommand(root);
	const env = { EDELWEISS_CONTENT: contentDir };
	const passed = (id: StageId) => stages.some((stage) => stage.id === id && stagePassed(stage));

	const stage = async (
		id: StageId,
		blocker: string | undefined,
		run: () => Promise<{ problems: Problem[]; details?: string }>,
	) => {
		const started = performance.now();
		const skipped = skip.has(id) ? 'not requested' : blocker;
		const outcome = skipped ? { problems: [] } : await run();
		const result: StageResult = {
			id,
			title: stageTitles[id],
			...outcome,
			...(skipped ? { skipped } : {}),
			durationMs: performance.now() - started,
		};
		stages.push(result);
		onStage?.(result);
	};

	await stage('content', undefined, async () => ({
		problems: (
			await (await import('#lib/validation/validate-content.ts')).validateContent(root, contentDir)
		).problems,
	}));
	const contentBlocker =
		passed('content') || skip.has('content') ? undefined : 'fix the content problems first';

	const types = () =>
		stage('types', contentBlocker, async () => {
			const { exitCode, output } = await withAstroLock(root, () =>
				runCommand(astro, ['check'], { cwd: root, env }),
			);
			const problems = parseAstroCheckOutput(output);
			if (exitCode !== 0 && problems.length === 0) {
				return {
					problems: [{ file: 'astro check', message: `exited with code ${exitCode}` }],
					details: tail(output),
				};
			}
			return { problems };
		});
	// The code's own checks: they read no content, so content problems do not hold them up.
	const code = async () => {
		await stage('lint', undefined, async () => ({
			problems: await (await import('./lint')).checkLint(root),
		}));
		await stage('format', undefined, async () => ({
			problems: await (await import('./formatting')).checkFormatting(root),
		}));
		await stage('unused', undefined, async () => ({
			problems: await (await import('./unused-code')).checkUnusedCode(root),
		}));
	};

	const temporary = givenDist ? undefined : await mkdtemp(path.join(tmpdir(), 'edelweiss-check-'));
	const dist = givenDist ?? path.join(temporary!, 'dist');
	// Problems name built pages as `npm run build` would write them, or inside the given site.
	const label = (file: string) =>
		givenDist
			? path.relative(root, path.join(givenDist, file)).split(path.sep).join('/')
			: `dist/${file}`;
	const site = async () => {
		await stage('build', givenDist ? `checking ${givenDist}` : contentBlocker, async () => {
			// Built for the root path, as the static server used by the later stages serves it.
			// Its own caches: it builds for the root path, which `npm run build` may not.
			const cacheDir = path.join(buildPaths(root).cacheDir, 'check');
			const { exitCode, output } = await withAstroLock(root, () =>
				runCommand(build.command, build.args, {
					cwd: root,
					env: { ...env, EDELWEISS_OUT_DIR: dist, EDELWEISS_CACHE_DIR: cacheDir, BASE_PATH: '' },
				}),
			);
			return exitCode === 0
				? { problems: [] }
				: {
						problems: [{ file: 'npm run build', message: `exited with code ${exitCode}` }],
						details: tail(output),
					};
		});
		const siteBlocker = givenDist || passed('build') ? undefined : 'needs a successful build';
		await stage('links', siteBlocker, async () => ({
			problems: await (await import('./site-links')).checkSiteLinks(dist, label),
		}));
		await stage('html', siteBlocker, async () => ({
			problems: await (await import('./html-validity')).checkHtmlValidity(dist, label),
		}));
		await stage('accessibility', siteBlocker, async () => ({
			problems: await (await import('./accessibility')).checkAccessibility(dist, label),
		}));
	};
	try {
		// Settled, not raced: the temporary build is removed only once no track can still write it.
		const failed = (await Promise.allSettled([types(), code(), site()])).find(
			(track) => track.status === 'rejected',
		);
		if (failed) throw failed.reason;
	} finally {
		if (temporary) await rm(temporary, { recursive: true, force: true });
	}
	return stageIds.flatMap((id) => stages.filter((stage) => stage.id === id));
}
