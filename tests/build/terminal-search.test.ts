import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tsxCommand } from '#tools/run-command.ts';
import { runTerminalSearch } from '#tools/search/terminal-search.ts';
import { projectRoot } from '../helpers/build-site';
import { expectGolden, goldenSiteDists, goldenSuites } from '../search/golden-queries';
import { builtSite } from '../helpers/sites';

const { dist } = await builtSite('search');
const goldenDists = await goldenSiteDists();
// Every result: an empty query lists the pages index by index (the hub's, then each edition's),
// so a cut would leave out whole editions.
const searchIn =
	(site: string) =>
	(term: string, filters: Record<string, string[]> = {}) =>
		runTerminalSearch({
			term,
			filters,
			newestFirst: false,
			limit: 100_000,
			json: false,
			dist: site,
		});
const search = searchIn(dist);

/** `npm run search` as a contributor runs it: the script through tsx, in a child process. */
async function cli(...args: string[]) {
	try {
		const { command, args: commandArgs } = tsxCommand('scripts/search.ts', args);
		const { stdout, stderr } = await promisify(execFile)(command, commandArgs, {
			cwd: projectRoot,
			env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

for (const suite of goldenSuites) {
	describe(`golden queries in the terminal, against ${suite.site}`, () => {
		const searchSite = searchIn(goldenDists[suite.siteName]);
		for (const query of suite.queries) {
			it(query.name, async () => {
				const { hits } = await searchSite(query.term, query.filters);
				const unfiltered = query.narrowsAway ? (await searchSite(query.term)).hits : undefined;
				expectGolden(query, hits, unfiltered);
			});
		}
	});
}

describe('sorting in the terminal', () => {
	it('sorts newest first on request, leaving out undated pages', async () => {
		const { hits } = await runTerminalSearch({
			term: 'alpine',
			filters: {},
			newestFirst: true,
			limit: 100,
			json: false,
			dist,
		});
		// Dates read as pages write them ("1 February 2020"); the order is by the day they name.
		const days = hits.map((hit) => Date.parse(`${hit.date!} UTC`));
		expect(days.length).toBeGreaterThan(3);
		expect(days.every((day) => !Number.isNaN(day))).toBe(true);
		expect(days).toEqual([...days].sort((a, b) => b - a));
		expect((await search('alpine')).hits.some((hit) => hit.type === 'Person')).toBe(true);
	});
});

describe('npm run search', () => {
	it('prints ranked results with type, event, date, URL and excerpt', async () => {
		const { code, stdout } = await cli('podman', '--dist', dist);
		expect(code).toBe(0);
		expect(stdout).toContain(
			[
				'1. Podman - The Powerful Container Multi-Tool',
				'   Talk · FOSDEM 2020 · 1 February 2020',
				'   /talks/podman/',
				'   Podman - The Powerful',
			].join('\n'),
		);
		expect(stdout).toMatch(/\n2 results\n$/);
	});
	it('filters with the same values as search page URLs, and prints JSON', async () => {
		const { code, stdout } = await cli(
			'--type',
			'talk',
			'--event',
			'fosdem-2020',
			'--json',
			'--dist',
			dist,
		);
		expect(code).toBe(0);
		const { total, hits } = JSON.parse(stdout);
		expect(total).toBe(3);
		expect(hits.map((hit: { url: string }) => hit.url).sort()).toEqual([
			'/talks/kata-containers-opensuse/',
			'/talks/lazy-image-distribution/',
			'/talks/podman/',
		]);
		expect(hits[0]).toMatchObject({ rank: 1, type: 'Talk', event: 'FOSDEM 2020' });
	});
	it('refuses an unknown filter value with a suggestion', async () => {
		const { code, stdout, stderr } = await cli('podman', '--event', 'fosdem-2002', '--dist', dist);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain(
			'--event fosdem-2002: no such event in the index; did you mean fosdem-2020?',
		);
	});
	it('gives a one-line hint when the site was not built', async () => {
		const missing = path.join(projectRoot, 'tests/.output/never-built');
		const { code, stderr } = await cli('podman', '--dist', missing);
		expect(code).toBe(1);
		expect(stderr).toBe(`No search index at ${missing}/pagefind: run \`npm run build\` first.\n`);
	});
});
