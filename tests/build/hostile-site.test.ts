import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles } from '#tools/site-files.ts';
import { buildSite, outputRoot, projectRoot, type BuildResult } from '../helpers/build-site';
import { hostileTree, outsideSecret } from '../helpers/hostile';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

const stackTrace = /Stack trace|\n\s+at [\w<.]+ \(|unhandled error/i;

describe('building the sanitised hostile tree (HTML that content may not publish)', () => {
	let build: { dist: string; output: string };
	let pages: Record<string, string>;
	beforeAll(async () => {
		const site = await builtSite('hostile-sanitised');
		build = { dist: site.dist, output: site.log };
		pages = {};
		for (const file of await listHtmlFiles(build.dist))
			pages[file] = await readFile(path.join(build.dist, file), 'utf8');
	}, 300_000);

	it('prints each removal as a warning at its file and line, and builds', () => {
		expect(build.output).toContain(
			'tests/fixtures/hostile/sanitised/content/notes/meta-refresh.md:7:1 warning: removed from the page: <meta>',
		);
		expect(build.output).toContain(
			'tests/fixtures/hostile/sanitised/content/recaps/mdx-script.mdx:8:1 warning: removed from the page: <script> with its content',
		);
		expect(build.output).not.toMatch(stackTrace);
	});

	it.each([
		['a meta refresh', /<meta[^>]+http-equiv="?refresh/i],
		['a script from content', /hostile\.js|document\.title = "owned"/],
		['a style overlay', /style="position/],
		['a javascript:, vbscript: or data: link', /href="\s*(javascript|vbscript|data):/i],
		[
			'an iframe, object, embed or form of another site',
			/<(iframe|object|embed|form)\b[^>]*evil\.example/i,
		],
		['a base or stylesheet of another site', /<(base|link)\b[^>]*evil\.example/i],
		['an event handler', /\son(error|load|mouseover)=/i],
		['a custom element', /<x-overlay/],
	])('publishes no %s on any page', (_, unsafe) => {
		const offending = Object.entries(pages)
			.filter(([, html]) => unsafe.test(html))
			.map(([file]) => file);
		expect(offending).toEqual([]);
	});

	it('keeps every page’s text and the HTML content may use', async () => {
		for (const [file, html] of Object.entries(pages).filter(
			([file]) =>
				/^(notes|recaps)\/[^/]+\/index\.html$/.test(file) && !file.includes('mdx-comment'),
		)) {
			expect(load(html)('main').text(), file).toContain('moraine');
		}
		const $ = await loadPage(build.dist, '/notes/allowed-html/');
		for (const selector of [
			'main table',
			'main details > summary',
			'main kbd',
			'main sup',
			'main sub',
			'main pre.astro-code span[class*="shiki-dark-"]',
		]) {
			expect($(selector).length, selector).toBeGreaterThan(0);
		}
		const footnote = $('main a[data-footnote-ref]').attr('href')!;
		expect($(`main [id="${footnote.slice(1)}"]`).length).toBe(1);
		// Content cannot take the page's own ids or classes.
		expect(
			(await loadPage(build.dist, '/notes/id-of-the-site/'))('main [id="user-content-main"]')
				.length,
		).toBe(1);
		expect(
			(await loadPage(build.dist, '/notes/class-of-the-site/'))('main .search-dialog').length,
		).toBe(0);
	});

	it('shows MDX components with safe links, and Markdown imports as text', async () => {
		const recap = await loadPage(build.dist, '/recaps/mdx-javascript-link/');
		expect(recap('main aside').text()).toContain('prize');
		expect(recap('main aside a').attr('href')).toBeUndefined();
		expect((await loadPage(build.dist, '/notes/import-in-markdown/'))('main').text()).toContain(
			'import { readFileSync } from',
		);
	});

	it('publishes the FOSDEM 2025 title whole, front matter after it included', async () => {
		const $ = await loadPage(build.dist, '/talks/fosdem-2025-shape/');
		expect($('h1').text()).toContain('Remote Attestation … --- current status ---');
		expect($('main').text()).toContain('Hostile Conf 2025');
	});
});

describe('building the refused hostile tree (code, links, broken front matter)', () => {
	let build: BuildResult;
	let content: string;
	beforeAll(async () => {
		content = await hostileTree('refused', path.join(outputRoot, 'hostile-refused-tree'));
		build = await buildSite('hostile-refused', path.relative(projectRoot, content));
	}, 300_000);

	it('fails with the report alone: every problem at its file and line, no stack trace', () => {
		expect(build.exitCode).not.toBe(0);
		const at = 'tests/.output/hostile-refused-tree/content';
		for (const expected of [
			`${at}/notes/mdx-import-fs.mdx:7:1 content may not import or export`,
			`${at}/notes/mdx-dynamic-import.mdx:7:1 content may not run code`,
			`${at}/people/alias-bomb.md:4:`,
			`${at}/people/latin1.md:2:10 byte 0xE9 is not UTF-8 text`,
			`${at}/talks/csp-injection-url.md:6:`,
			`${at}/people/linked.md symbolic links are refused`,
			`${at}/notes/linked symbolic links are refused`,
			`${at}/README.md this file is outside every collection`,
			`${at}/notes/nested-quotes.md:7:1 quotes and lists nest deeper than 64 levels, the limit`,
			`${at}/notes/mdx-nested-divs.mdx:7:321 elements, quotes and lists nest deeper than 64 levels, the limit`,
			`${at}/notes/long-paragraph.md:7:1 this paragraph is over 16 KB, the limit for one paragraph`,
			`${at}/notes/caf\uFFFD.md the file name is not UTF-8 text`,
			`${at}/talks/title-line-break.md:2:1 title: expected one line of text, found a line break`,
		]) {
			expect(build.output).toContain(expected);
		}
		expect(build.output).not.toMatch(stackTrace);
	});

	it('runs nothing, writes no site and publishes nothing from outside the tree', async () => {
		await expect(access(path.join(projectRoot, 'hostile-canary.txt'))).rejects.toThrow();
		await expect(access(build.dist)).rejects.toThrow();
		expect(build.output).not.toContain(outsideSecret);
	});
});
