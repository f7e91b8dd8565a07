import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/check/chromium';
import { urlPathOf } from '../../src/lib/urls';
import { serveStatic, type StaticServer } from '../../src/lib/static-server';
import { privacySample } from '../helpers/privacy-sample';
import { builtSite } from '../helpers/sites';

/** Records every request leaving the site's origin and every CSP violation, from the first byte. */
async function watch(context: BrowserContext, origin: string) {
	const foreign: string[] = [];
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
	});
	await context.addInitScript(() => {
		const violations: string[] = [];
		Object.assign(window, { cspViolations: violations });
		document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`));
	});
	return foreign;
}

const violationsOn = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe.each([
	['basic fixture', 'basic'],
	['offline fixture', 'offline'],
	['real content', 'site'],
] as const)('privacy of the %s site in Chromium', (_, site) => {
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await serveStatic((await builtSite(site)).dist);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('makes no request to another origin and breaks no CSP rule on any kind of page', async () => {
		// One page of each privacy signature (type, policy, scripts, foreign origins): the other
		// pages of a signature load the same things under the same policy.
		const pages = (await privacySample((await builtSite(site)).dist)).map((file) => urlPathOf(file));
		expect(pages.length).toBeGreaterThan(15);
		// The service worker only fetches from the site itself; without it the crawl is faster.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const foreign = await watch(context, server.url);
		const violations: string[] = [];
		// A few tabs at once.
		const queue = [...pages];
		const crawl = async () => {
			const page = await context.newPage();
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				await page.goto(`${server.url}${path}`);
				expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
				violations.push(...(await violationsOn(page)).map((violation) => `${path}: ${violation}`));
			}
		};
		await Promise.all([crawl(), crawl(), crawl()]);
		expect(foreign).toEqual([]);
		expect(violations).toEqual([]);
		await context.close();
	}, 300_000);
});

describe('click-to-load players', () => {
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await serveStatic((await builtSite('offline')).dist);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('request nothing from the provider until the reader asks, then load its player', async () => {
		const context = await browser.newContext();
		const foreign = await watch(context, server.url);
		// Stands in for the provider: this machine has no network.
		await context.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>The YouTube player</p>' }));
		const page = await context.newPage();
		await page.goto(`${server.url}/talks/mirrors-everywhere/`, { waitUntil: 'networkidle' });
		expect(await page.locator('iframe').count()).toBe(0);
		const watchLink = page.getByRole('link', { name: 'Watch on YouTube' });
		expect(await watchLink.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
		expect(await watchLink.getAttribute('rel')).toBe('noopener noreferrer');
		await page.waitForTimeout(500);
		expect(foreign).toEqual([]);

		await page.getByRole('button', { name: 'Load the YouTube player' }).click();
		const player = page.frameLocator('iframe[title="Recording of Mirrors everywhere (YouTube)"]');
		await expect.poll(() => player.locator('p').textContent()).toBe('The YouTube player');
		expect(foreign).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1']);
		// The PeerTube player on the same page stays unloaded.
		expect(await page.getByRole('button', { name: 'Load the PeerTube player' }).isVisible()).toBe(true);
		expect(await violationsOn(page)).toEqual([]);
		await context.close();
	});
});
