import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles } from '#tools/site-files.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { useSiteInChromium } from '../helpers/chromium';
import { violationsOn, watchForeignRequests } from '../helpers/privacy-watch';
import type { SiteName } from '../helpers/sites';

/** How far the page reaches past the viewport's right edge, in CSS pixels. */
const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Every page of a site, loaded once and measured for everything a page owes a reader whatever
 * it shows: it fits a phone, and it sends nothing elsewhere and breaks no rule of its policy.
 * One crawl for both: every page loaded twice was minutes on a loaded machine.
 */
describe.each(['site', 'basic', 'programme'] as SiteName[])(
	'every page of the %s site in Chromium',
	(name) => {
		const site = useSiteInChromium(name);
		let pages: string[];
		let context: BrowserContext;
		let foreign: string[];
		const wide: string[] = [];
		const missingPolicy: string[] = [];
		const violations: string[] = [];

		beforeAll(async () => {
			pages = (await listHtmlFiles(site.dist)).map((file) => urlPathOf(file));
			// The service worker only fetches from the site itself (the offline tests try it); without it the crawl is faster.
			context = await site.newContext({
				viewport: { width: 320, height: 800 },
				serviceWorkers: 'block',
			});
			foreign = await watchForeignRequests(context, site.url);
			// Two tabs at once, one page each at a time.
			const queue = [...pages];
			const crawl = async () => {
				const page = await context.newPage();
				for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
					await page.setViewportSize({ width: 320, height: 800 });
					await page.goto(`${site.url}${path}`);
					// One round trip for what the page tells: a locator's count took half as long as the load.
					const seen = await page.evaluate(() => ({
						policies: document.querySelectorAll('meta[http-equiv="content-security-policy"]')
							.length,
						extra: document.documentElement.scrollWidth - document.documentElement.clientWidth,
					}));
					if (seen.policies !== 1) missingPolicy.push(path);
					if (seen.extra > 0) wide.push(`${path} at 320 px (+${seen.extra} px)`);
					violations.push(
						...(await violationsOn(page)).map((violation) => `${path}: ${violation}`),
					);
					// A wider viewport lays the page out again, as a reload at that width would.
					await page.setViewportSize({ width: 390, height: 800 });
					const extra = await overflow(page);
					if (extra > 0) wide.push(`${path} at 390 px (+${extra} px)`);
				}
			};
			await Promise.all([crawl(), crawl()]);
		}, 600_000);

		it('crawls every page', () => {
			expect(pages.length).toBeGreaterThan(20);
		});

		it('scrolls no page sideways at 320 or 390 px', () => {
			expect(wide).toEqual([]);
		});

		it('makes no request to another origin and breaks no CSP rule on any page', () => {
			expect(missingPolicy).toEqual([]);
			expect(foreign).toEqual([]);
			expect(violations).toEqual([]);
		});
	},
);

describe('search results on a phone', () => {
	const site = useSiteInChromium('site');

	it('keep within the screen at 320 and 390 px', async () => {
		for (const width of [320, 390]) {
			const page = await site.newPage({ viewport: { width, height: 800 } });
			await page.goto(`${site.url}/search/?q=alpine`);
			await expect
				.poll(() => page.locator('pagefind-results .pf-result-excerpt').count())
				.toBeGreaterThan(1);
			expect(await overflow(page), `/search/?q=alpine at ${width} px`).toBeLessThanOrEqual(0);
		}
	});
});
