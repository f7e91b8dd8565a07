import { stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDigests } from '#tools/build/output-digests.ts';
import { scratchSite } from '../../../helpers/scratch-site';

describe('outputDigests', async () => {
	const site = await scratchSite(
		{ 'a.html': 'aaa', 'b.html': 'bbb', 'skip.json': '{}' },
		{ age: 60_000 },
	);
	const cache = path.join(await scratchSite({}), 'output-digests.json');
	it('reads a file again only when its size or time changed', async () => {
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
