import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles } from '#tools/site-files.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { useSiteInChromium } from '../helpers/chromium';
import { watchForeignRequests } from '../helpers/privacy-watch';
import type { SiteName } from '../helpers/sites';

/** How far the page reaches past the viewport's right edge, in CSS pixels. */
const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** What one page showed in its frame. */
interface PageSeen {
	path: string;
	/** How many CSP `<meta>` elements it has: one. */
	policies: number;
	/** How far it reaches past the frame's right edge at each width, in CSS pixels. */
	extra: [number, number];
	violations: string[];
}

/** A page that has not loaded by then is reported, not waited for. */
const loadTimeout = 30_000;

/**
 * Loads every page of a list in two frames of a page of the site, side by side: each frame is
 * the page's viewport (its media queries, `vw` and width), 320 px wide, then 390. A frame is a
 * third of the CPU of a tab per page: no new document in the browser's own process, and a
 * frame resized by its element rather than the whole viewport emulated again.
 */
function crawlInFrames(page: Page, paths: string[]): Promise<PageSeen[]> {
	return page.evaluate(
		async ({ paths, widths, loadTimeout }) => {
			document.body.replaceChildren();
			const queue = [...paths];
			const seen: PageSeen[] = [];
			await Promise.all(
				[0, 1].map(async () => {
					const frame = document.createElement('iframe');
					frame.style.cssText = `width: ${widths[0]}px; height: 800px; border: 0`;
					document.body.append(frame);
					for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
						frame.style.width = `${widths[0]}px`;
						const loaded = await new Promise<boolean>((resolve) => {
							setTimeout(() => resolve(false), loadTimeout);
							frame.onload = () => resolve(true);
							frame.src = path;
						});
						const framed = frame.contentDocument;
						if (!loaded || !framed) throw new Error(`${path} did not load in ${loadTimeout} ms`);
						const root = framed.documentElement;
						const extra: [number, number] = [root.scrollWidth - root.clientWidth, 0];
						frame.style.width = `${widths[1]}px`;
						extra[1] = root.scrollWidth - root.clientWidth;
						seen.push({
							path,
							policies: framed.querySelectorAll('meta[http-equiv="content-security-policy"]')
								.length,
							extra,
							violations: (frame.contentWindow as unknown as { cspViolations: string[] })
								.cspViolations,
						});
					}
				}),
			);
			return seen;
		},
		{ paths, widths: [320, 390], loadTimeout },
	);
}

/**
 * Every page of a site, loaded once and measured for everything a page owes a reader whatever
 * it shows: it fits a phone, and it sends nothing elsewhere and breaks no rule of its policy.
 */
describe.each(['site', 'basic', 'programme', 'offline'] as SiteName[])(
	'every page of the %s site in Chromium',
	(name) => {
		const site = useSiteInChromium(name);
		let pages: string[];
		let context: BrowserContext;
		let foreign: string[];
		let seen: PageSeen[];

		beforeAll(async () => {
			pages = (await listHtmlFiles(site.dist)).map((file) => urlPathOf(file));
			context = await site.newContext();
			foreign = await watchForeignRequests(context, site.url);
			const page = await context.newPage();
			await page.goto(`${site.url}/404.html`);
			seen = await crawlInFrames(page, pages);
		}, 600_000);

		it('crawls every page', () => {
			expect(pages.length).toBeGreaterThan(20);
			expect(seen.map((page) => page.path).sort()).toEqual([...pages].sort());
		});

		it('scrolls no page sideways at 320 or 390 px', () => {
			const wide = seen.flatMap(({ path, extra }) =>
				[320, 390].flatMap((width, index) =>
					extra[index]! > 0 ? [`${path} at ${width} px (+${extra[index]} px)`] : [],
				),
			);
			expect(wide).toEqual([]);
		});

		it('makes no request to another origin and breaks no CSP rule on any page', () => {
			expect(seen.filter((page) => page.policies !== 1).map((page) => page.path)).toEqual([]);
			expect(foreign).toEqual([]);
			expect(
				seen.flatMap(({ path, violations }) =>
					violations.map((violation) => `${path}: ${violation}`),
				),
			).toEqual([]);
		});
	},
);

describe('search results on a phone', () => {
	const site = useSiteInChromium('site');

	it('keep within the screen at 320 and 390 px', async () => {
		const page = await site.newPage({ viewport: { width: 320, height: 800 } });
		await page.goto(`${site.url}/search/?q=alpine`);
		await expect
			.poll(() => page.locator('pagefind-results .pf-result-excerpt').count())
			.toBeGreaterThan(1);
		expect(await overflow(page), '/search/?q=alpine at 320 px').toBeLessThanOrEqual(0);
		// Both widths are phones: the page lays the same results out again, as a load at 390 would.
		await page.setViewportSize({ width: 390, height: 800 });
		expect(await overflow(page), '/search/?q=alpine at 390 px').toBeLessThanOrEqual(0);
	});
});
