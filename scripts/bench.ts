/**
 * `npm run bench [-- --sizes 1000,10000] [--corpora synthetic,schedules] [--skip-browser]
 * [--skip-dev] [--skip-starlight] [--keep]`: builds throwaway hubs of generated talks and of real FOSDEM schedules,
 * measures clean and incremental builds, the dev server, output, page weight and search, prints a
 * table and appends it to docs/benchmarks.md. See docs/benchmarks.md for what each number means.
 */
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkQueries, generateCorpus, writeCorpus } from '#tools/bench/corpus.ts';
import { measureDevServer } from '#tools/bench/dev-server.ts';
import { directoryStats, pageWeight, parseBuildLog } from '#tools/bench/measure.ts';
import { corpusShape } from '#tools/bench/corpus-shape.ts';
import { watchProcessTree } from '#tools/bench/process-tree.ts';
import {
	appendToSection,
	columnHeading,
	formatSearches,
	formatTable,
	type BuildRun,
	type CorpusKind,
	type SizeResult,
	type StarlightRun,
} from '#tools/bench/report.ts';
import { gitOutput } from '#lib/content/git.ts';
import { formatBytes } from '#lib/content/text-file.ts';
import { importScheduleCorpus } from '#tools/bench/schedule-corpus.ts';
import { measureSearch } from '#tools/bench/search.ts';
import {
	installStarlight,
	starlightBuildCommand,
	starlightVersion,
	writeStarlightSite,
} from '#tools/bench/starlight.ts';
import { buildCommand } from '#tools/build/settings.ts';
import { withAstroLock } from '#tools/astro-lock.ts';
import { runCommand } from '#tools/run-command.ts';
import { launchChromium } from '#tools/chromium.ts';
import { serveStatic } from '#tools/static-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const reportFile = path.join(root, 'docs/benchmarks.md');
const reportHeading = '## Build and search (`npm run bench`)';
const corpusKinds: readonly CorpusKind[] = ['synthetic', 'schedules'];

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,10000' },
		corpora: { type: 'string', default: corpusKinds.join(',') },
		'skip-browser': { type: 'boolean', default: false },
		'skip-dev': { type: 'boolean', default: false },
		'skip-starlight': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
	},
});
const sizes = values.sizes.split(',').map((size) => Number(size.replaceAll('_', '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
	console.error(
		`--sizes expects talk counts separated by commas, such as 1000,10000; found "${values.sizes}"`,
	);
	process.exit(1);
}
const corpora = values.corpora.split(',') as CorpusKind[];
if (corpora.some((corpus) => !corpusKinds.includes(corpus))) {
	console.error(
		`--corpora expects ${corpusKinds.join(' and/or ')}, separated by commas; found "${values.corpora}"`,
	);
	process.exit(1);
}

/** The environment that points a build or the dev server at a corpus and its own output and caches. */
const corpusEnv = (work: string) => ({
	EDELWEISS_CONTENT: path.join(work, 'content'),
	EDELWEISS_OUT_DIR: path.join(work, 'dist'),
	EDELWEISS_CACHE_DIR: path.join(work, 'cache'),
	// A line per route in the log, which says how many were rendered and how many copied.
	EDELWEISS_LOG_PAGES: '1',
});

/** What running a command cost: wall and CPU time and peak memory of its process tree. */
async function measure(
	command: { command: string; args: string[] },
	cwd: string,
	env: NodeJS.ProcessEnv = {},
) {
	let watch: ReturnType<typeof watchProcessTree> | undefined;
	let started = 0;
	// One Astro process per checkout at a time (see withAstroLock); waiting for it is not timed.
	const { exitCode, output } = await withAstroLock(root, () =>
		runCommand(command.command, command.args, {
			cwd,
			env,
			onSpawn: (child) => {
				started = performance.now();
				watch = watchProcessTree(child.pid!);
			},
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	const { peakRssBytes, cpuSeconds } = await watch!.stop();
	return { exitCode, output, seconds, cpuSeconds, peakRssBytes };
}

/** Keeps a build's log as `<work>/<label>.log` and fails with its end when the build failed. */
async function keepLog(work: string, label: string, exitCode: number, output: string) {
	const log = path.join(work, `${label}.log`);
	await writeFile(log, output);
	if (exitCode !== 0) {
		const tail = output.trimEnd().split('\n').slice(-30).join('\n');
		throw new Error(
			`The ${label} build of ${work} failed (exit ${exitCode}); its end, the whole log is in ${log}:\n${tail}`,
		);
	}
}

/** Runs `npm run build` once and keeps its log as `<work>/<label>.log` for profiling with `--keep`. */
async function build(work: string, label: string): Promise<BuildRun> {
	const { exitCode, output, ...usage } = await measure(buildCommand(root), root, corpusEnv(work));
	await keepLog(work, label, exitCode, output);
	return { ...usage, phases: parseBuildLog(output) };
}

/**
 * A clean build of the same talk files by Starlight (`tools/bench/starlight.ts`), in a site kept
 * in `tests/.output/bench/starlight/` so its install is reused; why not, when it cannot install.
 */
async function buildStarlight(work: string, content: string): Promise<StarlightRun> {
	const site = path.join(root, 'tests/.output/bench/starlight');
	const astroVersion = JSON.parse(
		await readFile(path.join(root, 'node_modules/astro/package.json'), 'utf8'),
	) as { version: string };
	await writeStarlightSite(site, content, astroVersion.version);
	try {
		await installStarlight(site);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		return { skipped: `Starlight ${starlightVersion} could not be installed` };
	}
	await rm(path.join(site, 'dist'), { recursive: true, force: true });
	await rm(path.join(site, 'node_modules/.astro'), { recursive: true, force: true });
	const { exitCode, output, ...usage } = await measure(starlightBuildCommand(site), site);
	await keepLog(work, 'starlight', exitCode, output);
	return { ...usage, pages: parseBuildLog(output).pages };
}

/** The first file of a collection, by name: what the edits and the page measurements use. */
async function firstEntry(content: string, collection: string): Promise<string> {
	const names = (await readdir(path.join(content, collection), { recursive: true }))
		.filter((name) => name.endsWith('.md'))
		.sort();
	if (!names[0]) throw new Error(`${content} has no ${collection}`);
	return names[0].split(path.sep).join('/');
}

async function benchmark(corpus: CorpusKind, talks: number): Promise<SizeResult> {
	const name = columnHeading({ corpus, talks });
	const work = path.join(root, 'tests/.output/bench', `${corpus}-${talks}`);
	const { EDELWEISS_CONTENT: content, EDELWEISS_OUT_DIR: dist } = corpusEnv(work);
	await rm(work, { recursive: true, force: true });

	console.log(`${name}: ${corpus === 'synthetic' ? 'generating' : 'importing'} the corpus…`);
	const corpusStarted = performance.now();
	if (corpus === 'synthetic') await writeCorpus(content, generateCorpus({ talks }));
	else await importScheduleCorpus(root, content, talks);
	const corpusSeconds = (performance.now() - corpusStarted) / 1000;
	const shape = await corpusShape(content);
	console.log(
		`${name}: ${shape.editions} editions, ${shape.talks} talks, ${shape.people} people (${shape.peopleSpeakingOnce} speak once), ${shape.topics} topics`,
	);
	const talk = await firstEntry(content, 'talks');
	// A recurring speaker, whose cards are on talk pages of several editions.
	const person = shape.editedPerson
		? `${shape.editedPerson.id}.md`
		: await firstEntry(content, 'people');

	console.log(`${name}: clean build…`);
	const clean = await build(work, 'clean');
	let starlight: StarlightRun = { skipped: 'skipped' };
	if (!values['skip-starlight']) {
		console.log(`${name}: Starlight's clean build of the same talks, before any edit…`);
		starlight = await buildStarlight(work, content);
	}

	console.log(`${name}: unchanged rebuild…`);
	const unchanged = await build(work, 'unchanged');
	console.log(`${name}: rebuild after editing one talk…`);
	await appendFile(
		path.join(content, 'talks', talk),
		'\nOne more paragraph, written after the first build.\n',
	);
	const talkEdited = await build(work, 'talk-edited');
	console.log(`${name}: rebuild after editing one person…`);
	const personFile = path.join(content, 'people', person);
	// A handle, which neither corpus has: front matter, so every page with a card of one of the
	// person's talks is keyed anew (src/lib/hub/cache-keys.ts).
	await writeFile(
		personFile,
		(await readFile(personFile, 'utf8')).replace(/^---\n/, '---\nhandles: ["@edited"]\n'),
	);
	const personEdited = await build(work, 'person-edited');

	const talkPath = `talks/${talk.replace(/\.md$/, '')}/`;
	const result: SizeResult = {
		corpus,
		talks,
		corpusSeconds,
		shape,
		clean,
		unchanged,
		talkEdited,
		personEdited,
		starlight,
		output: await directoryStats(dist),
		pagefind: await directoryStats(path.join(dist, 'pagefind')),
		talkPage: await pageWeight(dist, talkPath),
	};
	if (!values['skip-dev']) {
		console.log(`${name}: dev server…`);
		result.dev = await withAstroLock(root, () =>
			measureDevServer(
				root,
				corpusEnv(work),
				`/${talkPath}`,
				path.join(content, 'talks', talk),
				path.join(work, 'dev.log'),
			),
		);
	}
	if (!values['skip-browser']) {
		console.log(`${name}: searching in Chromium…`);
		const server = await serveStatic(dist);
		const browser = await launchChromium();
		try {
			result.search = [];
			for (const query of benchmarkQueries)
				result.search.push(await measureSearch(browser, `${server.url}/${talkPath}`, query));
		} finally {
			await browser.close();
			await server.close();
		}
	}
	if (!values.keep) await rm(work, { recursive: true, force: true });
	return result;
}

const git = (...args: string[]) => gitOutput(root, args).trim();
const loadAverage = () =>
	os
		.loadavg()
		.map((load) => load.toFixed(1))
		.join(', ');

const startLoad = loadAverage();
// The commit checked out when the builds start; the report file itself is not a change.
const commit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', '.', `:!${path.relative(root, reportFile)}`)
	? ' with uncommitted changes'
	: '';
const results: SizeResult[] = [];
try {
	for (const corpus of corpora)
		for (const size of sizes) results.push(await benchmark(corpus, size));
} catch (error) {
	// docs/benchmarks.md is only written once every size has its numbers.
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}

const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, '');
const block = [
	`#### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${dirty}`,
	'',
	`\`${command}\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${formatBytes(os.totalmem())} memory, Node ${process.version}.`,
	`Load average (1, 5, 15 min) at start ${startLoad}, at end ${loadAverage()}.`,
	'',
	formatTable(results),
	'',
	formatSearches(results),
].join('\n');

console.log(`\n${block}\n`);
const existing = await readFile(reportFile, 'utf8').catch(() => '# Benchmarks\n');
await writeFile(reportFile, appendToSection(existing, reportHeading, block));
console.log(`Appended to ${path.relative(root, reportFile)}.`);
