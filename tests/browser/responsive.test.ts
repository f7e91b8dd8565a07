import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles } from '../../src/lib/site-files';
import { urlPathOf } from '../../src/lib/urls';
import { launchChromium } from '../../src/lib/check/chromium';
import { serveStatic, type StaticServer } from '../../src/lib/static-server';
import { builtSite, type SiteName } from '../helpers/sites';

/** How far the page reaches past the viewport's right edge, in CSS pixels. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(['site', 'basic', 'programme'] as SiteName[])('the %s site on a phone', (name) => {
	let server: StaticServer;
	let browser: Browser;
	let pages: string[];

	beforeAll(async () => {
		const { dist } = await builtSite(name);
		server = await serveStatic(dist);
		browser = await launchChromium();
		pages = (await listHtmlFiles(dist)).map((file) => urlPathOf(file));
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	// Every page of a site, loaded once and measured at each width: minutes on a loaded machine.
	it('scrolls no page sideways at 320 or 390 px', { timeout: 600_000 }, async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
		const page = await context.newPage();
		const wide: string[] = [];
		for (const path of pages) {
			await page.setViewportSize({ width: 320, height: 800 });
			await page.goto(`${server.url}${path}`);
			for (const width of [320, 390]) {
				// A wider viewport lays the page out again, as a reload at that width would.
				if (width !== 320) await page.setViewportSize({ width, height: 800 });
				const extra = await overflow(page);
				if (extra > 0) wide.push(`${path} at ${width} px (+${extra} px)`);
			}
		}
		await context.close();
		expect(wide).toEqual([]);
	});
});

describe('search results on a phone', () => {
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await serveStatic((await builtSite('site')).dist);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('keep within the screen at 320 and 390 px', async () => {
		for (const width of [320, 390]) {
			const context = await browser.newContext({ viewport: { width, height: 800 } });
			const page = await context.newPage();
			await page.goto(`${server.url}/search/?q=alpine`);
			await expect.poll(() => page.locator('pagefind-results .pf-result-excerpt').count()).toBeGreaterThan(1);
			expect(await overflow(page), `/search/?q=alpine at ${width} px`).toBeLessThanOrEqual(0);
			await context.close();
		}
	});
});
