import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/check/chromium';
import { serveStatic, type StaticServer } from '../../src/lib/static-server';
import { builtSite, type SiteName } from '../helpers/sites';

// Issue 24, "Reading, round two": what a conference-goer meets on a phone in the corridor.
const servers: Partial<Record<SiteName, StaticServer>> = {};
let browser: Browser;
const url = (site: SiteName, path: string) => `${servers[site]!.url}${path}`;
const phone = () => browser.newContext({ viewport: { width: 390, height: 844 } });

beforeAll(async () => {
	for (const site of ['programme', 'site'] as const) servers[site] = await serveStatic((await builtSite(site)).dist);
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	for (const server of Object.values(servers)) await server.close();
});

/** Runs `check` in a fresh context and closes it, whatever happens. */
async function inContext(open: () => Promise<BrowserContext>, check: (context: BrowserContext) => Promise<void>) {
	const context = await open();
	try {
		await check(context);
	} finally {
		await context.close();
	}
}

describe('the content security policy (item 10)', () => {
	it('comes first in <head>, right after charset, so it governs every script after it', async () => {
		await inContext(
			() => browser.newContext(),
			async (context) => {
				const page = await context.newPage();
				for (const path of ['/', '/events/gridconf-2025/', '/talks/opening-keynote/', '/search/']) {
					await page.goto(url('programme', path));
					const head = await page.evaluate(() =>
						[...document.head.children].slice(0, 2).map((element) => element.getAttribute('charset') ?? element.getAttribute('http-equiv')),
					);
					expect(head, path).toEqual(['utf-8', 'content-security-policy']);
				}
			},
		);
	});
});
