import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles, listSiteFiles } from '#tools/site-files.ts';

describe('listing a built site', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'edelweiss-site-files-'));
		await mkdir(path.join(dir, 'talks/x'), { recursive: true });
		await mkdir(path.join(dir, 'empty.html'), { recursive: true });
		for (const file of ['index.html', 'talks/x/index.html', 'talks/x/talk.ics', '_astro/a.css']) {
			await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
			await writeFile(path.join(dir, file), '');
		}
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it('lists files only, relative, with forward slashes, sorted', async () => {
		expect(await listSiteFiles(dir)).toEqual([
			'_astro/a.css',
			'index.html',
			'talks/x/index.html',
			'talks/x/talk.ics',
		]);
	});

	it('lists nothing under a folder that does not exist', async () => {
		expect(await listSiteFiles(path.join(dir, 'nowhere'))).toEqual([]);
	});

	it('lists the pages', async () => {
		expect(await listHtmlFiles(dir)).toEqual(['index.html', 'talks/x/index.html']);
	});
});
