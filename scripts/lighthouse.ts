/**
 * `npm run lighthouse [-- --content content] [--runs 3] [--page search …] [--no-write]`: builds
 * the hub as it would be deployed (its canonical URLs pointing at the server Lighthouse reads),
 * runs Lighthouse on a home, event, talk, recap and search page (or the `--page`s named) in
 * Debian's Chromium, `--runs` times, prints each page's median run and appends it to
 * docs/benchmarks.md.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appendToSection } from '#tools/bench/report.ts';
import { formatLighthouseTable, medianRuns, runLighthouse } from '#tools/bench/lighthouse.ts';
import { buildCommand } from '#tools/build/settings.ts';
import { withAstroLock } from '#tools/astro-lock.ts';
import { runCommand } from '#tools/run-command.ts';
import { serveStatic } from '#tools/static-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		content: { type: 'string', default: 'content' },
		'no-write': { type: 'boolean', default: false },
		runs: { type: 'string', default: '1' },
		page: { type: 'string', multiple: true },
	},
});
const allPages = [
	{ label: 'home', path: '/' },
	{ label: 'event', path: '/events/fosdem-2020/' },
	{ label: 'talk', path: '/talks/podman-the-powerful-container-multi-tool/' },
	{ label: 'recap', path: '/recaps/fosdem-2020-my-main-takeaways/' },
	{ label: 'search', path: '/search/?q=alpine' },
];
const pages = values.page ? allPages.filter((page) => values.page!.includes(page.label)) : allPages;
const runs = Number(values.runs);
if (!pages.length || values.page?.some((label) => !allPages.some((page) => page.label === label))) {
	console.error(`--page takes ${allPages.map((page) => page.label).join(', ')}`);
	process.exit(1);
}
if (!Number.isInteger(runs) || runs < 1) {
	console.error(`--runs takes a whole number of at least 1, not "${values.runs}"`);
	process.exit(1);
}

const work = path.join(root, 'tests/.output/lighthouse');
const dist = path.join(work, 'dist');
await rm(work, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
// The server comes first: the build writes its address into canonical and Open Graph URLs.
const server = await serveStatic(dist);
try {
	const { exitCode, output } = await withAstroLock(root, () =>
		// `npm run build`'s own steps: Astro, then Pagefind and the offline files.
		runCommand(buildCommand(root).command, buildCommand(root).args, {
			cwd: root,
			env: {
				EDELWEISS_CONTENT: values.content,
				EDELWEISS_OUT_DIR: dist,
				EDELWEISS_CACHE_DIR: path.join(work, 'cache'),
				SITE_URL: server.url,
			},
		}),
	);
	if (exitCode !== 0) {
		console.error(output);
		process.exit(1);
	}
	const rounds = [];
	for (let round = 0; round < runs; round++) rounds.push(await runLighthouse(server.url, pages));
	const table = formatLighthouseTable(medianRuns(rounds));
	console.log(table);
	if (!values['no-write']) {
		const report = path.join(root, 'docs/benchmarks.md');
		const load = os
			.loadavg()
			.map((value) => value.toFixed(1))
			.join(' / ');
		// Lighthouse times a throttled run on this machine: a busy machine lowers performance scores.
		const median = runs > 1 ? `, median of ${runs} runs` : '';
		const block = `#### ${new Date().toISOString().slice(0, 10)}, ${values.content}/, ${os.cpus().length} cores, load ${load} (1/5/15 min), Lighthouse mobile defaults${median}\n\n${table}`;
		await writeFile(
			report,
			appendToSection(
				await readFile(report, 'utf8'),
				'## Lighthouse (`npm run lighthouse`)',
				block,
			),
		);
	}
} finally {
	await server.close();
}
