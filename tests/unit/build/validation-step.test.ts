import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestInputs, listFiles } from '../../../src/lib/build/fingerprint';
import { outputDigests } from '../../../src/lib/build/output-digests';
import { indexedPagesGlob, isIndexedPage } from '../../../src/lib/build/pagefind-step';
import { pruneStale } from '../../../src/lib/build/prune';
import { buildPaths, stateFiles } from '../../../src/lib/build/settings';
import { validateInChildProcess, validationService } from '../../../src/lib/build/validation-step';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'edelweiss-build-steps-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Writes files (path → text) under a new folder, with a modification time `age` ms in the past. */
async function tree(name: string, files: Record<string, string>, age = 0): Promise<string> {
	const dir = path.join(scratch, name);
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), text);
		const when = new Date(Date.now() - age);
		await utimes(path.join(dir, file), when, when);
	}
	return dir;
}

const relative = async (dir: string) => (await listFiles(dir)).map((file) => path.relative(dir, file).split(path.sep).join('/'));

describe('digestInputs', () => {
	it('changes with a file’s content or name, not with its time', async () => {
		const dir = await tree('digest', { 'a/one.md': 'one', 'two.md': 'two' });
		const before = await digestInputs(dir, ['a', 'two.md']);
		await utimes(path.join(dir, 'two.md'), new Date(0), new Date(0));
		expect(await digestInputs(dir, ['a', 'two.md'])).toBe(before);
		await writeFile(path.join(dir, 'two.md'), 'TWO');
		expect(await digestInputs(dir, ['a', 'two.md'])).not.toBe(before);
		expect(await digestInputs(dir, ['a'])).not.toBe(await digestInputs(dir, ['a'], 'extra'));
	});
	it('takes a missing input as empty', async () => {
		const dir = await tree('digest-missing', { 'x.md': 'x' });
		expect(await digestInputs(dir, ['nowhere'])).toBe(await digestInputs(dir, ['also-nowhere']));
	});
});

describe('pruneStale', () => {
	it('removes what the build neither wrote nor kept, and the folders it empties', async () => {
		const site = await tree(
			'prune',
			{
				'talks/gone/index.html': 'old page of a deleted talk',
				'talks/kept/index.html': 'unchanged page Astro kept',
				'_astro/old.abc.css': 'last build’s stylesheet',
				'pagefind/pagefind.js': 'replaced by a later step',
				'sw.js': 'replaced by a later step',
			},
			60_000,
		);
		await tree('prune', { 'talks/new/index.html': 'written by this build', '_astro/new.def.css': 'this build’s stylesheet' });
		const removed = await pruneStale(site, {
			builtSince: Date.now() - 30_000,
			kept: new Set(['talks/kept/index.html']),
			ownedByLaterSteps: ['pagefind/', 'sw.js'],
		});
		expect(removed.sort()).toEqual(['_astro/old.abc.css', 'talks/gone/index.html']);
		expect((await relative(site)).sort()).toEqual(['_astro/new.def.css', 'pagefind/pagefind.js', 'sw.js', 'talks/kept/index.html', 'talks/new/index.html']);
		await expect(readFile(path.join(site, 'talks/gone/index.html'))).rejects.toThrow();
		expect(await listFiles(path.join(site, 'talks/gone'))).toEqual([]);
	});
});

describe('outputDigests', () => {
	it('reads a file again only when its size or time changed', async () => {
		const site = await tree('digests', { 'a.html': 'aaa', 'b.html': 'bbb', 'skip.json': '{}' }, 60_000);
		const cache = path.join(scratch, 'digests-cache.json');
		const first = await outputDigests(site, cache, (file) => file.endsWith('.html'));
		expect([...first.keys()].sort()).toEqual(['a.html', 'b.html']);
		// Same size and time, other bytes: taken as unchanged, which is the point of the cache.
		const { mtime } = await stat(path.join(site, 'a.html'));
		await writeFile(path.join(site, 'a.html'), 'AAA');
		await utimes(path.join(site, 'a.html'), mtime, mtime);
		expect((await outputDigests(site, cache)).get('a.html')).toBe(first.get('a.html'));
		// Written again (a new time): read again.
		await writeFile(path.join(site, 'b.html'), 'BBB');
		expect((await outputDigests(site, cache)).get('b.html')).not.toBe(first.get('b.html'));
	});
});

describe('the Pagefind step', () => {
	it('indexes the entries’ own pages, not lists, tags, exports or the home page', () => {
		expect(indexedPagesGlob).toBe('{events,talks,people,recaps,notes,sponsors,case-studies}/*/**/index.html');
		for (const page of ['talks/podman/index.html', 'talks/fosdem-2020/podman/index.html', 'people/ada/index.html', 'case-studies/x/index.html']) {
			expect(isIndexedPage(page), page).toBe(true);
		}
		for (const page of ['talks/index.html', 'index.html', 'tags/kernel/index.html', 'search/index.html', 'talks/podman/talk.ics', 'events/x/schedule.json']) {
			expect(isIndexedPage(page), page).toBe(false);
		}
	});
});

describe('build settings', () => {
	it('read the output, content and cache folders from the environment', () => {
		expect(buildPaths('/repo', {})).toEqual({ content: '/repo/content', outDir: '/repo/dist', cacheDir: '/repo/node_modules/.astro', base: '/' });
		expect(buildPaths('/repo', { EDELWEISS_OUT_DIR: '/tmp/out', EDELWEISS_CACHE_DIR: 'cache', BASE_PATH: '/edelweiss/' })).toMatchObject({
			outDir: '/tmp/out',
			cacheDir: '/repo/cache',
			base: '/edelweiss/',
		});
		expect(stateFiles('/repo/cache').build).toBe('/repo/cache/edelweiss/build.json');
	});
});

describe('validateInChildProcess', () => {
	const root = path.resolve(import.meta.dirname, '../../..');
	it('validates a tree in a process of its own and reports every problem', async () => {
		const valid = await validateInChildProcess(root, 'tests/fixtures/basic/content');
		expect(valid.fileCount).toBeGreaterThan(5);
		expect(valid.report).toBeUndefined();
		const invalid = await validateInChildProcess(root, 'tests/fixtures/broken/content');
		expect(invalid.report).toMatch(/content problems? in \d+ files?/);
		// Two Node processes starting TypeScript: seconds alone, a minute on a busy machine.
	}, 180_000);

	it('answers one request after another from one process, as the dev server asks', async () => {
		const service = validationService(root);
		const [broken, valid] = await Promise.all([service.validate('tests/fixtures/broken/content'), service.validate('tests/fixtures/basic/content')]);
		expect(broken.report).toMatch(/content problems? in \d+ files?/);
		expect(valid.report).toBeUndefined();
	}, 180_000);
});
