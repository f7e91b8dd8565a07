import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOfflineBundle } from '#tools/bundle/write-bundle.ts';
import { outputRoot } from '../helpers/build-site';
import { listHtmlFiles, listSiteFiles } from '#tools/site-files.ts';
import { useChromium } from '../helpers/chromium';
import { builtSite } from '../helpers/sites';

const out = path.join(outputRoot, 'offline-bundle', 'edelweiss-offline');
const zip = `${out}.zip`;
const fileUrl = (file: string) => pathToFileURL(path.join(out, file)).href;

describe('the file:// bundle', () => {
	const chromium = useChromium();
	let context: BrowserContext;
	let page: Page;
	const leaks: string[] = [];

	beforeAll(async () => {
		await writeOfflineBundle({ site: (await builtSite('offline')).dist, out, zip });
		context = await chromium.newContext();
		context.on('request', (request) => {
			if (!request.url().startsWith('file:')) leaks.push(request.url());
		});
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				throw new Error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
			});
		});
		page = await context.newPage();
		page.on('pageerror', (error) => leaks.push(`page error: ${error.message}`));
	});

	it('links every page to files that exist, with no root-relative URL left', async () => {
		const pages = await listHtmlFiles(out);
		expect(pages.length).toBeGreaterThan(20);
		const broken: string[] = [];
		for (const file of pages) {
			const $ = load(await readFile(path.join(out, file), 'utf8'));
			for (const element of $('a[href], link[href], script[src]').toArray()) {
				const url = $(element).attr('href') ?? $(element).attr('src')!;
				if (/^([a-z]+:|#)/.test(url)) continue;
				if (url.startsWith('/')) broken.push(`${file}: root-relative ${url}`);
				const target = path.join(out, path.dirname(file), url.split(/[?#]/)[0]!);
				if (!(await stat(target).catch(() => undefined))?.isFile()) broken.push(`${file} → ${url}`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('is read from disk in Chromium: navigation and search with no server', async () => {
		await page.goto(fileUrl('index.html'));
		await page
			.getByRole('navigation', { name: 'Sections' })
			.getByRole('link', { name: 'Talks' })
			.click();
		await expect.poll(() => page.url()).toBe(fileUrl('talks/index.html'));
		await page.getByRole('link', { name: 'Mirrors everywhere' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('Mirrors everywhere');
		await page.getByRole('link', { name: 'Edith Clarke' }).first().click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('Edith Clarke');

		// The hub's own search: the header's modal, then the search page with its filters.
		await page.keyboard.press('/');
		await expect.poll(() => page.getByRole('dialog').isVisible(), { timeout: 10_000 }).toBe(true);
		await page.keyboard.type('glacierberry');
		const modalResult = page.locator('pagefind-modal a.pf-result-link');
		await expect
			.poll(() => modalResult.evaluate((link) => (link as HTMLAnchorElement).href), {
				timeout: 10_000,
			})
			.toBe(fileUrl('notes/travel-kit/index.html'));
		await modalResult.click();
		await expect.poll(() => page.url()).toBe(fileUrl('notes/travel-kit/index.html'));
		expect(await page.locator('h1').textContent()).toBe('Travel kit');

		await page.goto(`${fileUrl('search/index.html')}?q=rsync`);
		const pageResults = page.locator('[data-search-page] a.pf-result-link');
		await expect
			.poll(
				() =>
					pageResults.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href)),
				{ timeout: 10_000 },
			)
			.toEqual([fileUrl('talks/mirrors-everywhere/index.html')]);
		expect(leaks).toEqual([]);
	});

	it('is zipped whole', async () => {
		const entries = Object.keys(unzipSync(await readFile(zip)));
		expect(entries.sort()).toEqual(
			(await listSiteFiles(out)).map((file) => `edelweiss-offline/${file}`),
		);
		expect(entries).toContain('edelweiss-offline/index.html');
		expect(entries).toContain('edelweiss-offline/pagefind/pagefind-data.js');
	});

	it('refuses a folder that holds no built site, and writes nothing', async () => {
		const empty = path.join(outputRoot, 'offline-bundle', 'not-built');
		await expect(writeOfflineBundle({ site: empty, out: `${empty}-out` })).rejects.toThrow(
			`${path.join(empty, 'index.html')} is missing: build the site (npm run build) before bundling it.`,
		);
		expect(await stat(`${empty}-out`).catch(() => undefined)).toBeUndefined();
	});
});
