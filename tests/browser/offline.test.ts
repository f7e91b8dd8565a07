import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputRoot } from '../helpers/build-site';
import { serveStatic, type StaticServer } from '#tools/static-server.ts';
import { useChromium } from '../helpers/chromium';
import { builtSite } from '../helpers/sites';

/**
 * Searches through Pagefind's own JS API, loaded the way the search UI loads it, every edition's
 * index merged into the hub's (docs/search.md). The code is a string so Vitest's transform leaves
 * its dynamic `import()` alone.
 */
const searchWithPagefind = (page: Page, term: string): Promise<string[]> =>
	page.evaluate(`(async () => {
		const module = await import('/pagefind/pagefind.js');
		const pagefind = module.createInstance({ basePath: '/pagefind/', baseUrl: '/' });
		const { editions } = await (await fetch('/pagefind/editions.json')).json();
		for (const edition of editions) await pagefind.mergeIndex('/pagefind/' + edition.path, { baseUrl: '/' });
		const found = await pagefind.search(${JSON.stringify(term)});
		return Promise.all(found.results.map(async (result) => (await result.data()).url));
	})()`);

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Saves the whole hub from the offline page and waits until it says so. */
async function saveForOffline(page: Page) {
	const status = page.getByRole('status');
	await expect.poll(() => status.textContent()).toMatch(/of \d+ files are saved/);
	await page.getByRole('button', { name: 'Save for offline' }).click();
	await expect
		.poll(() => status.textContent(), { timeout: 30_000 })
		.toMatch(/^Saved: the whole hub is available offline/);
}

/** The paths of the results a search UI shows. */
const resultPaths = (page: Page, scope: string) =>
	page
		.locator(`${scope} a.pf-result-link`)
		.evaluateAll((links) =>
			links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
		);

/** The state of the service worker controlling the page, once it has claimed it. */
const controller = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.state);

describe('reading offline in Chromium', () => {
	const chromium = useChromium();
	// Each test takes its server down to cut the network; each gets its own.
	let server: StaticServer;
	let context: BrowserContext;

	// Both deploys built before any test: a build inside a test would count against its time.
	beforeAll(() => Promise.all([builtSite('offline'), builtSite('offline-next')]));
	beforeEach(async () => {
		server = await serveStatic((await builtSite('offline')).dist);
		context = await chromium.newContext();
	});
	afterEach(async () => {
		await context.close();
		await server.close();
	});

	it('saves the whole hub, then reloads, navigates and searches with the network gone', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await expect.poll(() => controller(page), { timeout: 20_000 }).toBe('activated');

		await page.getByRole('link', { name: 'Read offline' }).click();
		await saveForOffline(page);
		const status = page.getByRole('status');
		expect(await status.textContent()).toBe(
			'Saved: the whole hub is available offline, 28 pages and the full search index.',
		);
		const progress = page.locator('progress');
		expect(
			await progress.evaluate((bar: HTMLProgressElement) => [bar.value > 0, bar.value === bar.max]),
		).toEqual([true, true]);

		// A real outage: the browser is offline and the server is gone.
		await context.setOffline(true);
		await server.close();

		await page.reload();
		expect(await page.locator('h1').textContent()).toBe('Read offline');
		await expect
			.poll(() => status.textContent())
			.toContain('Saved: the whole hub is available offline');

		// A saved page answers its URLs with a query too (the search page's `?q=`).
		await page.goto(`${server.url}/talks/?from=offline`);
		await page.getByRole('link', { name: 'The lost tapes' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('The lost tapes');
		await page.getByRole('link', { name: 'OfflineConf 2025' }).first().click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('OfflineConf 2025');

		expect(await searchWithPagefind(page, 'glacierberry')).toEqual(['/notes/travel-kit/']);
		expect(await searchWithPagefind(page, 'rsync')).toEqual(['/talks/mirrors-everywhere/']);

		// The reader's own search, offline: the header's modal, then the search page.
		await page.keyboard.press('/');
		await expect.poll(() => page.getByRole('dialog').isVisible(), { timeout: 10_000 }).toBe(true);
		await page.keyboard.type('glacierberry');
		await expect
			.poll(() => resultPaths(page, 'pagefind-modal'), { timeout: 10_000 })
			.toEqual(['/notes/travel-kit/']);
		await page.goto(`${server.url}/search/?q=rsync`);
		await expect
			.poll(() => resultPaths(page, '[data-search-page]'), { timeout: 10_000 })
			.toEqual(['/talks/mirrors-everywhere/']);
	});

	it('searches offline after a single visit when the whole search is small, and says what is missing otherwise', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/talks/lost-tapes/`);
		await expect.poll(() => controller(page), { timeout: 20_000 }).toBe('activated');
		// The first visit's precache holds every result fragment; nothing was saved by hand.
		await expect
			.poll(() =>
				page.evaluate(async () =>
					(await caches.keys()).some((name) => name.startsWith('edelweiss-search-')),
				),
			)
			.toBe(false);
		await context.setOffline(true);
		await server.close();
		await page.reload();
		expect(await searchWithPagefind(page, 'glacierberry')).toEqual(['/notes/travel-kit/']);
		await page.keyboard.press('/');
		await expect.poll(() => page.getByRole('dialog').isVisible(), { timeout: 10_000 }).toBe(true);
		await page.keyboard.type('rsync');
		await expect
			.poll(() => resultPaths(page, 'pagefind-modal'), { timeout: 10_000 })
			.toEqual(['/talks/mirrors-everywhere/']);
		expect(await page.locator('pagefind-modal [data-search-suggestion]').isHidden()).toBe(true);

		// A larger hub keeps fragments for "Save for offline": a result without one is named, with the way to save it.
		await page.evaluate(async () => {
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys())
					// The hub's fragments and each edition's (`/pagefind/editions/<id>/fragment/`).
					if (/\/pagefind\/(editions\/[^/]+\/)?fragment\//.test(request.url))
						await cache.delete(request);
			}
		});
		await page.keyboard.press('Backspace');
		await page.keyboard.type('c');
		const note = page.locator('pagefind-modal [data-search-suggestion]');
		await expect
			.poll(() => note.textContent(), { timeout: 10_000 })
			.toBe(
				'You are offline, and one result is not saved on this device: it shows no text. Save the hub for offline to search everything without a connection.',
			);
		expect(
			await note.getByRole('link', { name: 'Save the hub for offline' }).getAttribute('href'),
		).toBe('/offline/');
	});

	it('keeps pages as they are read, and answers the others with the offline page', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/talks/lost-tapes/`);
		await expect.poll(() => controller(page), { timeout: 20_000 }).toBe('activated');
		// Read once under the service worker's control, so it keeps the page.
		await page.goto(`${server.url}/talks/hallway-track/`);
		// The server goes away but the browser is not told: connected Wi-Fi with nothing behind
		// it, where `navigator.onLine` still says true (as some Chromium builds do even offline).
		await server.close();
		expect(await page.evaluate(() => navigator.onLine)).toBe(true);

		await page.goto(`${server.url}/talks/hallway-track/`);
		expect(await page.locator('h1').textContent()).toBe('Hallway track');
		await page.goto(`${server.url}/talks/reproducible-builds/`);
		expect(await page.locator('h1').textContent()).toBe('Read offline');
		expect(
			await page
				.getByText('You are offline, and this page was not saved on this device.')
				.isVisible(),
		).toBe(true);
		await expect
			.poll(() => page.getByRole('status').textContent())
			.toMatch(/^\d+ of \d+ files are saved on this device\. Connect to save the rest\.$/);
		expect(await page.getByRole('button', { name: 'Save for offline' }).isVisible()).toBe(false);
	});

	it('moves to a new deploy cleanly: new index, old caches gone, saved again for offline', async () => {
		// The host serves whatever `deploy` points at, as a static host does after a deploy.
		const deploy = path.join(outputRoot, 'offline-deploy', 'current');
		await mkdir(path.dirname(deploy), { recursive: true });
		await rm(deploy, { force: true });
		await symlink((await builtSite('offline')).dist, deploy);
		const host = await serveStatic(deploy);
		try {
			const page = await context.newPage();
			await page.goto(`${host.url}/offline/`);
			await expect.poll(() => controller(page), { timeout: 20_000 }).toBe('activated');
			await saveForOffline(page);
			const firstCaches = (await cacheNames(page)).filter((name) => name.startsWith('edelweiss-'));
			expect(firstCaches).toHaveLength(2);
			expect(await searchWithPagefind(page, 'moraineberry')).toEqual([]);

			await rm(deploy);
			await symlink((await builtSite('offline-next')).dist, deploy);
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
			await expect.poll(() => cacheNames(page), { timeout: 20_000 }).not.toContain(firstCaches[0]);
			expect((await cacheNames(page)).filter((name) => firstCaches.includes(name))).toEqual([]);

			await page.reload();
			await saveForOffline(page);
			expect(await page.getByRole('status').textContent()).toContain('29 pages');
			await context.setOffline(true);
			await host.close();
			await page.reload();
			expect(await searchWithPagefind(page, 'moraineberry')).toEqual(['/notes/next-deploy/']);
			expect(await searchWithPagefind(page, 'glacierberry')).toEqual(['/notes/travel-kit/']);
			await page.goto(`${host.url}/notes/next-deploy/`);
			expect(await page.locator('h1').textContent()).toBe('Next deploy');
		} finally {
			await host.close();
		}
	});
});
