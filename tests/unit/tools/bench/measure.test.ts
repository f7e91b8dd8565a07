import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
	directoryStats,
	pageWeight,
	parseBuildLog,
	parseDuration,
	transferSize,
} from '#tools/bench/measure.ts';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'edelweiss-measure-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The lines `npm run build` printed for a 200-talk corpus, abridged. */
const buildLog = `03:13:16 [edelweiss:build] inputs digested in 0.3s
03:13:17 [edelweiss:content-validation] 326 content files valid in 0.4s
03:13:19 [content] Syncing content
03:13:23 [content] Synced content
03:13:23 [types] Generated 5.77s
03:13:23 [build] Collecting build info...
03:13:23 [build] ✓ Completed in 6.27s.
03:13:23 [build] Building static entrypoints...
03:13:24 [vite] ✓ built in 1.21s

 generating static routes 
[edelweiss:topics] 2,321 talks matched against 12 topics in 0.12s
03:13:24   ├─ /talks/talk-00001/index.html (+3ms) 
03:13:24   ├─ /talks/talk-00002/index.html (cached)
03:13:24   ├─ /people/person-00001/index.html (cached)
03:13:26 ✓ Completed in 2.20s.

03:13:26 [build] ✓ Completed in 3.52s.
03:13:28 [build] 366 page(s) built in 10.96s
03:13:28 [build] Complete!
03:13:28 [edelweiss:build] pruned 2 stale files in 0.2s
03:13:29 [edelweiss:build] Pagefind indexed 326 pages in 1.0s
03:13:29 [edelweiss:build] offline files written in 0.6s: service worker precaches 58 files (1360 KiB)
03:13:29 [edelweiss:build] built in 13.1s`;

describe('parseDuration', () => {
	it('reads the forms Astro prints', () => {
		expect(parseDuration('27ms')).toBe(0.027);
		expect(parseDuration('5.77s')).toBe(5.77);
		expect(parseDuration('1m 3s')).toBe(63);
		expect(parseDuration('2m')).toBe(120);
	});
	it('gives nothing for anything else', () => {
		expect(parseDuration('')).toBeUndefined();
		expect(parseDuration('fast')).toBeUndefined();
		expect(parseDuration('5.77')).toBeUndefined();
	});
});

describe('parseBuildLog', () => {
	it('finds each phase, not the neighbouring "Completed" lines', () => {
		expect(parseBuildLog(buildLog)).toEqual({
			pages: 366,
			renderedPages: 1,
			cachedPages: 2,
			upToDate: false,
			fingerprintSeconds: 0.3,
			validationSeconds: 0.4,
			syncSeconds: 5.77,
			topicsSeconds: 0.12,
			renderSeconds: 2.2,
			pruneSeconds: 0.2,
			pagefindSeconds: 1,
			offlineSeconds: 0.6,
			astroSeconds: 10.96,
		});
	});
	it('reads a build that reused what it could', () => {
		const reused = buildLog
			.replace('326 content files valid in 0.4s', 'content unchanged since it was last validated')
			.replace(
				'Pagefind indexed 326 pages in 1.0s',
				'Pagefind bundle kept: none of its 326 pages changed (0.4s)',
			);
		expect(parseBuildLog(reused)).toMatchObject({ validationSeconds: 0, pagefindSeconds: 0.4 });
		const upToDate = parseBuildLog(
			'03:13:16 [edelweiss:build] inputs digested in 0.3s\n03:13:16 [edelweiss:build] nothing changed since the last build: dist is up to date (0.3s)',
		);
		expect(upToDate).toMatchObject({
			upToDate: true,
			fingerprintSeconds: 0.3,
			renderedPages: undefined,
		});
	});
	it('reads minutes, which large builds take', () => {
		const slow = buildLog
			.replace('Generated 5.77s', 'Generated 2m 3s')
			.replace('✓ Completed in 2.20s.', '✓ Completed in 1m 30s.')
			.replace('built in 10.96s', 'built in 5m 0s');
		expect(parseBuildLog(slow)).toMatchObject({
			syncSeconds: 123,
			renderSeconds: 90,
			astroSeconds: 300,
		});
	});
	it('leaves out what the log does not say', () => {
		expect(parseBuildLog('[build] Complete!')).toEqual({
			pages: undefined,
			renderedPages: undefined,
			cachedPages: undefined,
			upToDate: false,
			fingerprintSeconds: undefined,
			validationSeconds: undefined,
			syncSeconds: undefined,
			topicsSeconds: undefined,
			renderSeconds: undefined,
			pruneSeconds: undefined,
			pagefindSeconds: undefined,
			offlineSeconds: undefined,
			astroSeconds: undefined,
		});
	});
});

describe('directoryStats', () => {
	it('counts files and bytes in nested folders', async () => {
		const dir = path.join(scratch, 'stats');
		await mkdir(path.join(dir, 'a/b'), { recursive: true });
		await writeFile(path.join(dir, 'one.txt'), '12345');
		await writeFile(path.join(dir, 'a/b/two.txt'), '123');
		expect(await directoryStats(dir)).toEqual({ bytes: 8, files: 2 });
	});
});

describe('transferSize', () => {
	const text = Buffer.from('search '.repeat(200));
	it('gzips text types as a static host would', () => {
		expect(transferSize('text/javascript; charset=utf-8', text)).toBe(gzipSync(text).length);
		expect(transferSize('application/json', text)).toBe(gzipSync(text).length);
	});
	it('sends other types as they are', () => {
		expect(transferSize('application/octet-stream', text)).toBe(text.length);
		expect(transferSize('', text)).toBe(text.length);
	});
});

describe('pageWeight', () => {
	it('adds the HTML to the local CSS and JS it loads and counts its requests', async () => {
		const dist = path.join(scratch, 'dist');
		const html = `<!doctype html><html lang="en"><head>
<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="https://cdn.example.org/x.css">
<link rel="icon" href="/favicon.svg"><script src="/_astro/app.js" type="module"></script>
<script>document.documentElement.dataset.theme = 'dark';</script>
<script type="application/ld+json">{"@type":"Event"}</script>
</head><body><img src="/logo.png" alt=""></body></html>`;
		const css = 'body { color: red; }';
		const js = 'console.log(1);';
		await mkdir(path.join(dist, 'talks/x'), { recursive: true });
		await mkdir(path.join(dist, '_astro'), { recursive: true });
		await writeFile(path.join(dist, 'talks/x/index.html'), html);
		await writeFile(path.join(dist, '_astro/site.css'), css);
		await writeFile(path.join(dist, '_astro/app.js'), js);
		const gzip = (text: string) => gzipSync(text).length;
		expect(await pageWeight(dist, 'talks/x/')).toEqual({
			bytes: html.length + css.length + js.length,
			gzipBytes: gzip(html) + gzip(css) + gzip(js),
			scriptBytes: js.length + "document.documentElement.dataset.theme = 'dark';".length,
			scriptFiles: 1,
			// The page, its stylesheet, script, icon and image; not the other origin's stylesheet.
			requests: 5,
		});
	});
});
