import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestParts } from '#lib/digest.ts';
import { lastCommit } from '#lib/content/git.ts';
import { listSiteFiles } from '#tools/site-files.ts';
import { digestInputs } from './fingerprint';
import { outputDigests } from './output-digests';
import { pruneStale } from './prune';
import {
	buildPaths,
	cacheInvalidatingInputs,
	outputEnvironment,
	projectInputs,
	searchScopeBytes,
	stateFiles,
} from './settings';
import {
	validateInChildProcess,
	type ValidationOutcome,
	type ValidationRequest,
} from './validation-step';

/** What the last successful build left in `<cacheDir>/edelweiss/build.json`. */
interface BuildRecord {
	/** Everything the output depends on: content, code, git dates, environment, output folder. */
	fingerprint: string;
	/** The inputs whose change drops every cache (`cacheInvalidatingInputs`). */
	caches: string;
	/** How many files the output folder held, to notice one emptied or edited by hand. */
	files: number;
}

export interface RunBuildOptions {
	root: string;
	env?: NodeJS.ProcessEnv;
	/** Ignore every cache and the fingerprint: build everything again. */
	force?: boolean;
	/** Where progress lines go (one line each, like Astro's). */
	log?: (line: string) => void;
	/** Starts `astro build` with this environment. */
	runAstro: (env: NodeJS.ProcessEnv) => AstroRun;
	/** Validates the content tree; by default in a child process. */
	validate?: (root: string, request: ValidationRequest) => Promise<ValidationOutcome>;
}

export interface AstroRun {
	exitCode: Promise<number>;
	/** Stops it, e.g. when the content turns out invalid. */
	stop(): void;
}

export interface BuildOutcome {
	exitCode: number;
	/** True when nothing had changed and nothing was built. */
	upToDate: boolean;
}

/** Whether anything in `dir` was written at or after `since` (ms since the epoch). */
async function writtenSince(dir: string, since: number): Promise<boolean> {
	for (const file of await listSiteFiles(dir))
		if ((await stat(path.join(dir, file))).mtimeMs >= since) return true;
	return false;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)}s`;

/**
 * `npm run build`: Astro renders the pages in a process of its own, then this process prunes
 * stale output, builds the Pagefind index and writes the offline files, so the build's peak
 * memory is Astro's or Pagefind's, never both. Every step reuses what the last build left when
 * its inputs are unchanged, and a build whose inputs are all unchanged ends after hashing them.
 */
export async function runBuild({
	root,
	env = process.env,
	force = false,
	log = console.log,
	runAstro,
	validate = validateInChildProcess,
}: RunBuildOptions): Promise<BuildOutcome> {
	const started = performance.now();
	const step = (message: string) =>
		log(`${new Date().toTimeString().slice(0, 8)} [edelweiss:build] ${message}`);
	const paths = buildPaths(root, env);
	const state = stateFiles(paths.cacheDir);
	// Read first: a wrong setting fails before Astro's run, not after it.
	const scopeBytes = searchScopeBytes(env);

	const [content, code, caches] = await Promise.all([
		digestInputs(root, [paths.content]),
		digestInputs(root, projectInputs),
		digestInputs(root, cacheInvalidatingInputs),
	]);
	const environment = outputEnvironment.map((name) => `${name}=${env[name] ?? ''}`).join('\n');
	const fingerprint = digestParts([
		content,
		code,
		lastCommit(paths.content),
		environment,
		paths.outDir,
	]);
	const previous = JSON.parse(
		await readFile(state.build, 'utf8').catch(() => 'null'),
	) as BuildRecord | null;
	step(`inputs digested in ${seconds(started)}`);
	if (
		!force &&
		previous?.fingerprint === fingerprint &&
		(await listSiteFiles(paths.outDir)).length === previous.files
	) {
		step(
			`nothing changed since the last build: ${path.relative(root, paths.outDir) || '.'} is up to date (${seconds(started)})`,
		);
		return { exitCode: 0, upToDate: true };
	}
	// Until this build succeeds, the output is not known to match anything.
	await rm(state.build, { force: true });
	const manifest = path.join(paths.cacheDir, 'incremental-build.json');
	if (force || previous?.caches !== caches) {
		const astroCaches = ['data-store.json', manifest, 'dist'].map((name) =>
			path.resolve(paths.cacheDir, name),
		);
		await Promise.all(
			[...astroCaches, state.folder].map((file) => rm(file, { recursive: true, force: true })),
		);
		if (previous)
			step(
				force
					? 'caches dropped (--force)'
					: 'caches dropped: the Markdown pipelines, schemas, build steps or packages changed',
			);
	} else if (
		(await readFile(state.outDir, 'utf8').catch(() => paths.outDir)) !== paths.outDir &&
		(await listSiteFiles(paths.outDir)).length
	) {
		// Astro keeps a page that its manifest calls current and that exists in the output folder:
		// in another folder than the manifest's, that page may be from any earlier build. (An empty
		// folder is safe: every page is copied from the cache.)
		await Promise.all(
			[manifest, state.folder].map((file) => rm(file, { recursive: true, force: true })),
		);
		step('incremental caches dropped: they were made for another output folder');
	}
	await mkdir(state.folder, { recursive: true });
	await writeFile(state.outDir, paths.outDir);

	// The file system's clock, not ours: it can lag `Date.now()` by a tick, and pruning compares its times.
	await writeFile(state.started, '');
	const builtSince = (await stat(state.started)).mtimeMs;
	// Validation runs beside Astro's start and content sync; Astro waits at the gate before it
	// writes anything (`src/integrations/content-validation.ts`), and is stopped if it fails.
	const validationKey = digestParts([content, code]);
	const validated = (await readFile(state.validation, 'utf8').catch(() => '')) === validationKey;
	await rm(state.validationGate, { force: true });
	if (validated) {
		await writeFile(state.validationGate, '');
		step('content unchanged since it was last validated');
	}
	const astro = runAstro({ ...env, EDELWEISS_VALIDATION_GATE: state.validationGate });
	if (!validated) {
		const outcome = await validate(root, {
			contentDir: paths.content,
			cacheFile: state.validationResults,
		}).catch((error: Error) => ({
			report: error.message,
			fileCount: 0,
			checkedFiles: 0,
			seconds: 0,
			failed: true,
		}));
		if (outcome.failed) {
			astro.stop();
			await astro.exitCode;
			log(
				`${outcome.report}\nFix the problems named above; \`npm run check\` prints the same report.`,
			);
			return { exitCode: 1, upToDate: false };
		}
		await writeFile(state.validation, validationKey);
		await writeFile(state.validationGate, '');
		if (outcome.report) log(outcome.report);
		const checked =
			outcome.checkedFiles === outcome.fileCount
				? ''
				: ` (${outcome.checkedFiles} changed, the others' results kept)`;
		step(
			`${outcome.fileCount} content files valid in ${outcome.seconds.toFixed(1)}s${checked}${outcome.report ? ', with the warnings above' : ''}`,
		);
	}
	const exitCode = await astro.exitCode;
	if (exitCode !== 0) {
		// Pages written before the failure are newer than Astro's manifest says: render all next time.
		if (await writtenSince(paths.outDir, builtSince))
			await rm(path.join(paths.cacheDir, 'incremental-build.json'), { force: true });
		return { exitCode, upToDate: false };
	}

	// Loaded only now: Pagefind's client, esbuild and Workbox would sit in memory all through Astro's run.
	const [{ indexSite }, { offlineFiles, isOfflineStepFile, writeOfflineFiles }] = await Promise.all(
		[import('./pagefind-step'), import('./offline-step')],
	);
	let since = performance.now();
	const kept = new Set(JSON.parse(await readFile(state.routeOutputs, 'utf8')) as string[]);
	const removed = await pruneStale(paths.outDir, {
		builtSince,
		kept,
		ownedByLaterSteps: ['pagefind/', ...offlineFiles],
	});
	step(`pruned ${removed.length} stale files in ${seconds(since)}`);

	since = performance.now();
	const pages = await outputDigests(
		paths.outDir,
		state.outputDigests,
		(file) => !file.startsWith('pagefind/') && !isOfflineStepFile(file),
	);
	const search = await indexSite(paths.outDir, pages, state.pagefind, scopeBytes);
	step(
		search.indexed.length
			? `Pagefind indexed ${search.indexedPages} pages in ${seconds(since)}: ${search.indexed.length} of ${search.indexes} indexes written (${search.indexed.slice(0, 5).join(', ')}${search.indexed.length > 5 ? ', …' : ''}), ${search.pages} pages in all`
			: `Pagefind bundle kept: none of its ${search.pages} pages changed (${seconds(since)})`,
	);

	since = performance.now();
	const bundle = await outputDigests(
		path.join(paths.outDir, 'pagefind'),
		path.join(state.folder, 'pagefind-digests.json'),
	);
	const all = new Map([
		...pages,
		...[...bundle].map(([file, digest]) => [`pagefind/${file}`, digest] as const),
	]);
	const offline = await writeOfflineFiles(paths.outDir, paths.base, all);
	step(`offline files written in ${seconds(since)}: ${offline}`);

	const record: BuildRecord = {
		fingerprint,
		caches,
		files: (await listSiteFiles(paths.outDir)).length,
	};
	await mkdir(state.folder, { recursive: true });
	await writeFile(state.build, JSON.stringify(record));
	step(`built in ${seconds(started)}`);
	return { exitCode: 0, upToDate: false };
}
