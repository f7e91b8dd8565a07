import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSiteFiles } from '#tools/site-files.ts';
import { pruneStale } from '#tools/build/prune.ts';
import { scratchSite, writeFiles } from '../../../helpers/scratch-site';

describe('pruneStale', async () => {
	const site = await scratchSite(
		{
			'talks/gone/index.html': 'old page of a deleted talk',
			'talks/kept/index.html': 'unchanged page Astro kept',
			'_astro/old.abc.css': 'last build’s stylesheet',
			'pagefind/pagefind.js': 'replaced by a later step',
			'sw.js': 'replaced by a later step',
		},
		{ age: 60_000 },
	);
	it('removes what the build neither wrote nor kept, and the folders it empties', async () => {
		await writeFiles(site, {
			'talks/new/index.html': 'written by this build',
			'_astro/new.def.css': 'this build’s stylesheet',
		});
		const removed = await pruneStale(site, {
			builtSince: Date.now() - 30_000,
			kept: new Set(['talks/kept/index.html']),
			ownedByLaterSteps: ['pagefind/', 'sw.js'],
		});
		expect(removed.sort()).toEqual(['_astro/old.abc.css', 'talks/gone/index.html']);
		expect((await listSiteFiles(site)).sort()).toEqual([
			'_astro/new.def.css',
			'pagefind/pagefind.js',
			'sw.js',
			'talks/kept/index.html',
			'talks/new/index.html',
		]);
		await expect(readFile(path.join(site, 'talks/gone/index.html'))).rejects.toThrow();
		expect(await listSiteFiles(path.join(site, 'talks/gone'))).toEqual([]);
	});
});
