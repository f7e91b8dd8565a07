/**
 * `npm run bench [-- --sizes 1000,10000] [--skip-browser] [--keep]`: builds throwaway hubs of
 * generated talks, measures builds, output, page weight and search, prints a table and appends
 * it to docs/benchmarks.md. See docs/benchmarks.md for what each number means.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkQueries, generateCorpus, writeCorpus } from '../src/lib/bench/corpus';
import { directoryStats, pageWeight, parseBuildLog } from '../src/lib/bench/measure';
import { watchProcessTree } from '../src/lib/bench/process-tree';
import { appendToSection, formatBytes, formatSearches, formatTable, type BuildRun, type SizeResult } from '../src/lib/bench/report';
import { measureSearch } from '../src/lib/bench/search';
import { withAstroLock } from '../src/lib/check/astro-lock';
import { runCommand } from '../src/lib/check/run-command';
import { launchChromium } from '../tests/helpers/browser';
import { serveStatic } from '../src/lib/static-server';

const root = path.resolve(import.meta.dirname, '..');
const reportFile = path.join(root, 'docs/benchmarks.md');
const reportHeading = '## Build and search (`npm run bench`)';

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,10000' },
		'skip-browser': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
	},
});
const sizes = values.sizes.split(',').map((size) => Number(size.replaceAll('_', '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
	console.error(`--sizes expects talk counts separated by commas, such as 1000,10000; found "${values.sizes}"`);
	process.exit(1);
}

/** Runs one build and keeps its log as `<work>/<label>.log` for profiling with `--keep`. */
async function build(work: string, contentDir: string, label: string): Promise<BuildRun> {
	let watch: ReturnType<typeof watchProcessTree> | undefined;
	let started = 0;
	// One Astro process per checkout at a time (see withAstroLock); waiting for it is not timed.
	const { exitCode, output } = await withAstroLock(root, () =>
		runCommand(path.join(root, 'node_modules/.bin/astro'), ['build'], {
			cwd: root,
			env: {
				EDELWEISS_CONTENT: contentDir,
				EDELWEISS_OUT_DIR: path.join(work, 'dist'),
				EDELWEISS_CACHE_DIR: path.join(work, 'cache'),
			},
			onSpawn: (child) => {
				started = performance.now();
				watch = watchProcessTree(child.pid!);
			},
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	const { peakRssBytes, cpuSeconds } = await watch!.stop();
	const log = path.join(work, `${label}.log`);
	await writeFile(log, output);
	if (exitCode !== 0) {
		const tail = output.trimEnd().split('\n').slice(-30).join('\n');
		throw new Error(`The ${label} build of ${contentDir} failed (exit ${exitCode}); its end, the whole log is in ${log}:\n${tail}`);
	}
	return { seconds, cpuSeconds, peakRssBytes, phases: parseBuildLog(output) };
}

async function benchmark(talks: number): Promise<SizeResult> {
	const work = path.join(root, 'tests/.output/bench', String(talks));
	const contentDir = path.join(work, 'content');
	await rm(work, { recursive: true, force: true });
	await writeCorpus(contentDir, generateCorpus({ talks }));
	const dist = path.join(work, 'dist');

	console.log(`${talks} talks: clean build…`);
	const clean = await build(work, contentDir, 'clean');
	console.log(`${talks} talks: unchanged rebuild…`);
	const unchanged = await build(work, contentDir, 'unchanged');
	console.log(`${talks} talks: rebuild after editing one talk…`);
	await appendFile(path.join(contentDir, 'talks/talk-00001.md'), '\nOne more paragraph, written after the first build.\n');
	const edited = await build(work, contentDir, 'edited');

	const result: SizeResult = {
		talks,
		clean,
		unchanged,
		edited,
		output: await directoryStats(dist),
		pagefind: await directoryStats(path.join(dist, 'pagefind')),
		talkPage: await pageWeight(dist, 'talks/talk-00001/'),
	};
	if (!values['skip-browser']) {
		console.log(`${talks} talks: searching in Chromium…`);
		const server = await serveStatic(dist);
		const browser = await launchChromium();
		try {
			result.search = [];
			for (const query of benchmarkQueries) {
				result.search.push(await measureSearch(browser, `${server.url}/talks/talk-00001/`, query));
			}
		} finally {
			await browser.close();
			await server.close();
		}
	}
	if (!values.keep) await rm(work, { recursive: true, force: true });
	return result;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const loadAverage = () => os.loadavg().map((load) => load.toFixed(1)).join(', ');

const startLoad = loadAverage();
// The commit checked out when the builds start; the report file itself is not a change.
const commit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', '.', `:!${path.relative(root, reportFile)}`) ? ' with uncommitted changes' : '';
const results: SizeResult[] = [];
try {
	for (const size of sizes) results.push(await benchmark(size));
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
