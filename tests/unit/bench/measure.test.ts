import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryStats, pageWeight, parseBuildLog, parseDuration, transferSize } from '../../../src/lib/bench/measure';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'edelweiss-measure-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The lines `astro build` printed for a 200-talk corpus, abridged. */
const buildLog = `03:13:17 [edelweiss:content-validation] 326 content files valid in 0.4s
03:13:19 [content] Syncing content
03:13:23 [content] Synced content
03:13:23 [types] Generated 5.77s
03:13:23 [build] Collecting build info...
03:13:23 [build] ✓ Completed in 6.27s.
03:13:23 [build] Building static entrypoints...
03:13:24 [vite] ✓ built in 1.21s

 generating static routes 
03:13:24 ├─ /talks/talk-00001/index.html (+3ms)
03:13:26 ✓ Completed in 2.20s.

03:13:26 [build] ✓ Completed in 3.52s.
03:13:28 [edelweiss:pagefind] Pagefind indexed 366 pages into /tmp/o200/dist//pagefind in 1.0s
03:13:28 [build] 366 page(s) built in 10.96s
03:13:28 [build] Complete!`;

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
			validationSeconds: 0.4,
			syncSeconds: 5.77,
			renderSeconds: 2.2,
			pagefindSeconds: 1,
			astroSeconds: 10.96,
		});
	});
	it('reads minutes, which large builds take', () => {
		const slow = buildLog
			.replace('Generated 5.77s', 'Generated 2m 3s')
			.replace('✓ Completed in 2.20s.', '✓ Completed in 1m 30s.')
			.replace('built in 10.96s', 'built in 5m 0s');
		expect(parseBuildLog(slow)).toMatchObject({ syncSeconds: 123, renderSeconds: 90, astroSeconds: 300 });
	});
	it('leaves out what the log does not say', () => {
		expect(parseBuildLog('[build] Complete!')).toEqual({
			pages: undefined,
			validationSeconds: undefined,
			syncSeconds: undefined,
			renderSeconds: undefined,
			pagefindSeconds: undefined,
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
