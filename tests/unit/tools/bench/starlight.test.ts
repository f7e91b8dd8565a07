import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { starlightPage, starlightVersion, writeStarlightSite } from '#tools/bench/starlight.ts';

const talk = [
	'---',
	'title: "Musl: ten years"',
	'event: fosdem-2020',
	'speakers: [ada]',
	'summary: What changed.',
	'---',
	'',
	'A paragraph with **bold**.',
	'',
].join('\n');

describe('starlightPage', () => {
	it('keeps the title, the summary as the description and the body', () => {
		expect(starlightPage(talk, 'a.md')).toBe(
			'---\ntitle: "Musl: ten years"\ndescription: "What changed."\n---\nA paragraph with **bold**.\n',
		);
	});
	it('names the file of a talk without a title', () => {
		expect(() => starlightPage('---\nevent: x\n---\n', 'talks/x.md')).toThrow(
			'talks/x.md: expected a talk with a title',
		);
	});
});

describe('writeStarlightSite', () => {
	const scratch = mkdtemp(path.join(tmpdir(), 'edelweiss-starlight-'));
	afterAll(async () => rm(await scratch, { recursive: true, force: true }));

	it('writes a page per talk, nested as the talks are, and replaces an earlier corpus', async () => {
		const root = await scratch;
		const content = path.join(root, 'content');
		const site = path.join(root, 'site');
		await mkdir(path.join(content, 'talks/fosdem-2020'), { recursive: true });
		await writeFile(path.join(content, 'talks/fosdem-2020/musl.md'), talk);
		await mkdir(path.join(site, 'src/content/docs/talks'), { recursive: true });
		await writeFile(path.join(site, 'src/content/docs/talks/stale.md'), 'left over');

		expect(await writeStarlightSite(site, content, '7.3.5')).toBe(1);
		const docs = path.join(site, 'src/content/docs');
		expect((await readdir(docs, { recursive: true })).sort()).toEqual([
			'index.md',
			'talks',
			'talks/fosdem-2020',
			'talks/fosdem-2020/musl.md',
		]);
		expect(await readFile(path.join(docs, 'talks/fosdem-2020/musl.md'), 'utf8')).toBe(
			starlightPage(talk, 'musl.md'),
		);
		const manifest = JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8'));
		expect(manifest.dependencies).toEqual({
			astro: '7.3.5',
			'@astrojs/starlight': starlightVersion,
		});
		expect(await readFile(path.join(site, 'astro.config.mjs'), 'utf8')).toContain(
			"sidebar: [{ label: 'Talks', link: '/' }]",
		);
	});
});
