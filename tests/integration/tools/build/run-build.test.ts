import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type AstroRun, type RunBuildOptions } from '#tools/build/run-build.ts';
import type { ValidationOutcome, ValidationRequest } from '#tools/build/validation-step.ts';
import { stateFiles } from '#tools/build/settings.ts';

/**
 * `runBuild` around a stand-in for Astro that writes a two-page site, so each decision of the
 * build (up to date, drop the caches, prune, index, fail) is seen without a real Astro build.
 */
const root = await mkdtemp(path.join(os.tmpdir(), 'edelweiss-run-build-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const env = {
	EDELWEISS_CONTENT: 'content',
	EDELWEISS_OUT_DIR: 'dist',
	EDELWEISS_CACHE_DIR: 'cache',
};
const dist = path.join(root, 'dist');
const state = stateFiles(path.join(root, 'cache'));

const page = (title: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>About ${title.toLowerCase()}.</p></main></body></html>`;

let astroRuns = 0;
/** Writes one page per content file and records them as Astro's route outputs, once validation lets it. */
function fakeAstro(env: NodeJS.ProcessEnv): AstroRun {
	astroRuns++;
	let stopped = false;
	const exitCode = (async () => {
		while (!existsSync(env.EDELWEISS_VALIDATION_GATE!)) {
			if (stopped) return 143;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		return writeSite();
	})();
	return { exitCode, stop: () => (stopped = true) };
}

async function writeSite(): Promise<number> {
	const talks = (await readFile(path.join(root, 'content/talks.txt'), 'utf8'))
		.split('\n')
		.filter(Boolean);
	for (const talk of talks) {
		await mkdir(path.join(dist, 'talks', talk), { recursive: true });
		await writeFile(path.join(dist, 'talks', talk, 'index.html'), page(talk));
	}
	await writeFile(path.join(dist, 'index.html'), page('Home'));
	// What src/pages/offline/editions.json.ts writes: one edition holding every talk.
	await mkdir(path.join(dist, 'offline'), { recursive: true });
	await writeFile(
		path.join(dist, 'offline/editions.json'),
		JSON.stringify([{ id: 'conf', title: 'Conf', date: '2025-01-01', talks }]),
	);
	await mkdir(state.folder, { recursive: true });
	await writeFile(state.routeOutputs, JSON.stringify([]));
	return 0;
}

/** The pages "Save for offline" offers, by unit, from what the offline step wrote. */
async function offlinePages(): Promise<Record<string, string[]>> {
	const { units } = JSON.parse(await readFile(path.join(dist, 'offline.json'), 'utf8')) as {
		units: { id: string; list: string }[];
	};
	return Object.fromEntries(
		await Promise.all(
			units.map(async (unit) => [
				unit.id,
				(JSON.parse(await readFile(path.join(dist, unit.list), 'utf8')) as string[]).filter(
					(url) => !url.startsWith('/pagefind/'),
				),
			]),
		),
	);
}

let report: string | undefined;
const validations: string[] = [];
async function fakeValidation(
	_root: string,
	{ contentDir }: ValidationRequest,
): Promise<ValidationOutcome> {
	validations.push(contentDir);
	return { fileCount: 1, checkedFiles: 1, seconds: 0.1, report, failed: report !== undefined };
}

const lines: string[] = [];
const build = (options: { runAstro?: RunBuildOptions['runAstro']; force?: boolean } = {}) =>
	runBuild({
		root,
		env,
		log: (line) => lines.push(line),
		runAstro: options.runAstro ?? fakeAstro,
		validate: fakeValidation,
		force: options.force ?? false,
	});

describe('runBuild', () => {
	beforeAll(async () => {
		await mkdir(path.join(root, 'content'), { recursive: true });
		await writeFile(path.join(root, 'content/talks.txt'), 'alpha\nbeta\n');
	});

	it('builds, indexes the entry pages and writes the offline files', async () => {
		expect(await build()).toEqual({ exitCode: 0, upToDate: false });
		expect(existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
		expect(await offlinePages()).toEqual({
			hub: ['/'],
			'editions/conf': ['/talks/alpha/', '/talks/beta/'],
		});
		expect(
			lines.some((line) => /Pagefind indexed 2 pages/.test(line)),
			lines.join('\n'),
		).toBe(true);
	});

	it('does nothing when nothing changed', async () => {
		const before = astroRuns;
		expect(await build()).toEqual({ exitCode: 0, upToDate: true });
		expect(astroRuns).toBe(before);
	});

	it('builds again when the output folder lost a file', async () => {
		await rm(path.join(dist, 'offline.json'));
		expect((await build()).upToDate).toBe(false);
		expect(existsSync(path.join(dist, 'offline.json'))).toBe(true);
	});

	it('prunes the page of a removed entry and re-indexes', async () => {
		await writeFile(path.join(root, 'content/talks.txt'), 'alpha\n');
		lines.length = 0;
		await build();
		expect(existsSync(path.join(dist, 'talks/beta'))).toBe(false);
		expect(
			lines.some((line) => /pruned 1 stale files/.test(line)),
			lines.join('\n'),
		).toBe(true);
		expect(await offlinePages()).toEqual({ hub: ['/'], 'editions/conf': ['/talks/alpha/'] });
	});

	it('keeps the search bundle when no indexed page changed', async () => {
		await writeFile(path.join(root, 'content/notes.txt'), 'not shown on any page');
		lines.length = 0;
		await build();
		expect(
			lines.some((line) => /Pagefind bundle kept: none of its 1 pages changed/.test(line)),
			lines.join('\n'),
		).toBe(true);
	});

	it('drops every cache when the Markdown pipelines change', async () => {
		await writeFile(path.join(root, 'cache/data-store.json'), '{}');
		await mkdir(path.join(root, 'src/lib/markdown'), { recursive: true });
		await writeFile(path.join(root, 'src/lib/markdown/rules.ts'), 'export {};');
		lines.length = 0;
		await build();
		expect(
			lines.some((line) => /caches dropped/.test(line)),
			lines.join('\n'),
		).toBe(true);
		expect(existsSync(path.join(root, 'cache/data-store.json'))).toBe(false);
		expect(
			lines.some((line) => /Pagefind indexed 1 pages/.test(line)),
			lines.join('\n'),
		).toBe(true);
	});

	it('validates content only when content or code changed', async () => {
		const before = validations.length;
		await writeFile(path.join(root, 'content/talks.txt'), 'alpha\n\n');
		lines.length = 0;
		await build();
		expect(validations.length).toBe(before + 1);
		// The same content and code, and a build to do: the output lost a file.
		await rm(path.join(dist, 'offline.json'));
		lines.length = 0;
		await build();
		expect(validations.length).toBe(before + 1);
		expect(
			lines.some((line) => /content unchanged since it was last validated/.test(line)),
			lines.join('\n'),
		).toBe(true);
	});

	it('stops Astro before it writes anything when the content is invalid, and says why', async () => {
		await writeFile(path.join(root, 'content/talks.txt'), 'alpha\ndelta\n');
		report = 'content/talks.txt:2:1 delta: not a talk';
		lines.length = 0;
		expect(await build()).toEqual({ exitCode: 1, upToDate: false });
		report = undefined;
		expect(lines.join('\n')).toContain('content/talks.txt:2:1 delta: not a talk');
		expect(existsSync(path.join(dist, 'talks/delta'))).toBe(false);
	});

	it('reports Astro’s failure and is not up to date afterwards', async () => {
		await writeFile(path.join(root, 'content/talks.txt'), 'alpha\ngamma\n');
		expect(
			await build({ runAstro: () => ({ exitCode: Promise.resolve(1), stop: () => {} }) }),
		).toEqual({ exitCode: 1, upToDate: false });
		expect(existsSync(state.build)).toBe(false);
		const before = astroRuns;
		await build();
		expect(astroRuns).toBe(before + 1);
	});
});
