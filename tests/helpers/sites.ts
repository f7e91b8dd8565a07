import { existsSync } from 'node:fs';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestInputs } from '#tools/build/fingerprint.ts';
import { outputEnvironment, projectInputs } from '#tools/build/settings.ts';
import { withFolderLock } from '#tools/folder-lock.ts';
import { lastCommit } from '#lib/content/git.ts';
import { buildSite, fixtureContent, outputRoot, projectRoot } from './build-site';
import type * as CongressSiteModule from './congress-site';
import { inChildProcess } from './in-child-process';
import type * as SeriesSiteModule from './series-site';
import type * as TopicsSiteModule from './topics-site';

// Imports of hundreds of talks: in child processes, out of the coverage's way (in-child-process.ts).
const { writeCongressContent } = inChildProcess<typeof CongressSiteModule>(
	new URL('./congress-site.ts', import.meta.url).href,
);
const { writeSeriesContent } = inChildProcess<typeof SeriesSiteModule>(
	new URL('./series-site.ts', import.meta.url).href,
);
const { writeTopicsContent } = inChildProcess<typeof TopicsSiteModule>(
	new URL('./topics-site.ts', import.meta.url).href,
);

/** The sites build and browser tests share; each is built on first use, at most once per change. */
export type SiteName =
	| 'basic'
	| 'search'
	| 'site'
	| 'offline'
	| 'offline-next'
	| 'hostile-sanitised'
	| 'programme'
	| 'series'
	| 'congress'
	| 'topics';

export interface BuiltSite {
	dist: string;
	/** What `npm run build` printed. */
	log: string;
}

const nextDeployNote = `---
title: Next deploy
summary: Written after the first deploy.
author: edith-clarke
published: 2025-07-01
---

Only the next deploy knows the word moraineberry.
`;

/** The content tree each site is built from; the offline fixture's next deploy adds one note. */
async function contentOf(name: SiteName): Promise<string> {
	if (name === 'site') return 'content';
	if (name === 'hostile-sanitised') return fixtureContent('hostile/sanitised');
	if (name === 'series')
		return importedContent('series-content', writeSeriesContent, [
			'src',
			'tests/fixtures/series',
			'tests/fixtures/schedules',
			'tests/helpers/series-site.ts',
		]);
	if (name === 'congress')
		return importedContent('congress-content', writeCongressContent, [
			'src',
			'tools/bench/congress-corpus.ts',
			'tools/import',
			'tests/helpers/congress-site.ts',
		]);
	if (name === 'topics')
		return importedContent('topics-content', writeTopicsContent, [
			'src',
			'content',
			'tests/fixtures/schedules',
			'tests/helpers/topics-site.ts',
		]);
	if (name !== 'offline-next') return fixtureContent(name);
	const tree = path.join(outputRoot, 'offline-next-content');
	await rm(tree, { recursive: true, force: true });
	await cp(fixtureContent('offline'), tree, { recursive: true });
	await writeFile(path.join(tree, 'notes/next-deploy.md'), nextDeployNote);
	return tree;
}

/**
 * The build's own code outside `src/`: `npm run build`, the steps after Astro (Pagefind, the
 * offline files) and what they run. A change to one of them rebuilds the sites, instead of
 * testing it on sites its earlier version built.
 */
const buildTooling = [
	'scripts/build.ts',
	'tools/build',
	'tools/run-command.ts',
	'tools/site-files.ts',
];

/**
 * A digest of everything the site's HTML depends on: the content tree, the project's sources and
 * installed packages, the build's code and environment, and the last commit of the content tree
 * (pages show "Last updated" from git): `npm run build`'s own fingerprint, and its tooling.
 */
async function inputDigest(content: string, env: Record<string, string> = {}): Promise<string> {
	const environment = outputEnvironment
		.map((name) => `${name}=${env[name] ?? process.env[name] ?? ''}`)
		.join('\n');
	return digestInputs(
		projectRoot,
		[...projectInputs, ...buildTooling, content],
		lastCommit(path.resolve(projectRoot, content)),
		environment,
	);
}

/**
 * A site's content made by the importer (`series-site.ts`, `topics-site.ts`) once per change of
 * what the import reads or runs, so a worker never rewrites a tree another one is building.
 */
async function importedContent(
	name: string,
	write: (tree: string) => Promise<void>,
	inputs: readonly string[],
): Promise<string> {
	const tree = path.join(outputRoot, name);
	const digest = await digestInputs(projectRoot, [...inputs]);
	const stamp = path.join(outputRoot, `${name}.digest`);
	return withFolderLock(`${tree}.lock`, async () => {
		if ((await readFile(stamp, 'utf8').catch(() => '')) === digest && existsSync(tree)) return tree;
		const staged = `${tree}.next`;
		await write(staged);
		await rm(tree, { recursive: true, force: true });
		await rename(staged, tree);
		await writeFile(stamp, digest);
		return tree;
	});
}

/**
 * What a site's build is told beyond its content: the search site searches its most recent
 * edition alone by default, as a large archive does, so its tests reach the other years.
 */
const siteEnvironment: Partial<Record<SiteName, Record<string, string>>> = {
	search: { EDELWEISS_SEARCH_SCOPE_BYTES: '0' },
};

const cacheRoot = path.join(outputRoot, 'sites');
const pending = new Map<SiteName, Promise<BuiltSite>>();

/**
 * Builds a shared site on first use and reuses it while nothing it depends on changes, across
 * test files, workers and runs: the unit tier never waits for a build, and a rerun after editing
 * one test rebuilds nothing.
 */
export function builtSite(name: SiteName): Promise<BuiltSite> {
	let site = pending.get(name);
	if (!site) {
		site = buildOrReuse(name);
		pending.set(name, site);
	}
	return site;
}

async function buildOrReuse(name: SiteName): Promise<BuiltSite> {
	const content = await contentOf(name);
	const env = siteEnvironment[name] ?? {};
	const digest = await inputDigest(content, env);
	const dir = path.join(cacheRoot, name);
	const dist = path.join(dir, 'dist');
	const logFile = path.join(dir, 'build.log');
	const cached = async () =>
		(await readFile(path.join(dir, 'digest'), 'utf8').catch(() => '')) === digest &&
		existsSync(path.join(dist, 'index.html'))
			? { dist, log: await readFile(logFile, 'utf8') }
			: undefined;
	const reused = await cached();
	if (reused) return reused;
	// Sites build side by side, each in its own folder and Astro root (`buildSite`); a second
	// worker asking for the same site waits for the first one's build instead of repeating it.
	return withFolderLock(`${dir}.lock`, async () => {
		const built = await cached();
		if (built) return built;
		const result = await buildSite(`sites/${name}`, content, env);
		if (result.exitCode !== 0)
			throw new Error(`The ${name} site (${content}) failed to build:\n${result.output}`);
		await writeFile(logFile, result.output);
		const staged = path.join(dir, 'digest.next');
		await writeFile(staged, digest);
		await rename(staged, path.join(dir, 'digest'));
		return { dist, log: result.output };
	});
}
