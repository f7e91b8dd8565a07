import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputRoot } from '../helpers/build-site';
import { serveStatic, type StaticServer } from '#tools/static-server.ts';
import { useChromium } from '../helpers/chromium';
import { builtSite } from '../helpers/sites';
import { formatBytes } from '#lib/content/text-file.ts';
import { auditBothThemes, axeViolations, describeViolation } from '#tools/check/accessibility.ts';
import type { OfflineManifest } from '#lib/site/offline.ts';

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

/** What the build offers to save, as the offline page reads it. */
const offlineManifest = async (dist: string) =>
	JSON.parse(await readFile(path.join(dist, 'offline.json'), 'utf8')) as OfflineManifest;

/** The row of a unit ("everything" for all of them) on a page that offers saving. */
const unitRow = (page: Page, unit: string) => page.locator(`li[data-unit="${unit}"]`);

/** Saves everything from the offline page and waits until it says so. */
async function saveForOffline(page: Page) {
	const everything = unitRow(page, 'everything');
	await expect
		.poll(() => everything.locator('.offline-unit-state').textContent())
		.toBe('Not saved');
	await page.getByRole('button', { name: 'Save everything' }).click();
	await expect
		.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
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
		context = await chromium.newContext({ serviceWorkers: 'allow' });
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
		const { everything } = await offlineManifest((await builtSite('offline')).dist);
		expect(await status.textContent()).toBe(
			`Saved: the whole hub is available offline, ${everything.pages} pages, ${formatBytes(everything.bytes)}.`,
		);
		for (const unit of [
			'hub',
			'editions/offlineconf-2025',
			'editions/offlineconf-2024',
			'everything',
		])
			expect(await unitRow(page, unit).locator('.offline-unit-state').textContent(), unit).toBe(
				'Saved on this device',
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
			.poll(() => unitRow(page, 'everything').locator('.offline-unit-state').textContent())
			.toBe('Saved on this device');

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

	it('shows each unit’s size before saving, saves one edition from its event page, and reads it offline but not another edition', async () => {
		const { units } = await offlineManifest((await builtSite('offline')).dist);
		const edition = units.find((unit) => unit.id === 'editions/offlineconf-2024')!;
		const page = await context.newPage();
		await page.goto(`${server.url}/events/offlineconf-2024/`);
		await expect.poll(() => controller(page), { timeout: 20_000 }).toBe('activated');

		// The event page links to its edition on the offline page: first, sized before anything is saved.
		await page.getByRole('link', { name: 'Save this edition for offline' }).click();
		const row = unitRow(page, edition.id);
		await expect.poll(() => row.locator('.offline-unit-state').textContent()).toBe('Not saved');
		expect(await page.locator('li[data-unit]').first().getAttribute('data-unit')).toBe(edition.id);
		expect(await row.getAttribute('class')).toBe('chosen');
		expect(await row.locator('.offline-unit-name').textContent()).toBe('OfflineConf 2024');
		expect(await row.locator('.offline-unit-size').textContent()).toBe(
			`2 pages, ${formatBytes(edition.bytes)}`,
		);
		expect(await page.getByRole('button', { name: 'Remove OfflineConf 2024' }).isVisible()).toBe(
			false,
		);
		await page.getByRole('button', { name: 'Save OfflineConf 2024' }).click();
		await expect
			.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
			.toBe(
				`Saved: OfflineConf 2024 is available offline, 2 pages, ${formatBytes(edition.bytes)}.`,
			);
		expect(await row.locator('.offline-unit-state').textContent()).toBe('Saved on this device');

		await context.setOffline(true);
		await server.close();
		// Never opened, but saved with its edition.
		await page.goto(`${server.url}/talks/tape-archaeology/`);
		expect(await page.locator('h1').textContent()).toBe('Tape archaeology');
		// The other edition was not saved.
		await page.goto(`${server.url}/talks/reproducible-builds/`);
		expect(await page.locator('h1').textContent()).toBe('Read offline');

		// The offline page lists every unit with its size and what this device holds.
		await page.goto(`${server.url}/offline/`);
		await expect
			.poll(() => page.getByRole('status').textContent())
			.toBe('You are offline: connect to save more.');
		const rows = await page
			.locator('li[data-unit]')
			.evaluateAll((items) =>
				items.map((item) => [
					(item as HTMLElement).dataset.unit,
					item.querySelector('.offline-unit-state')!.textContent,
				]),
			);
		expect(rows).toEqual([
			['hub', 'Not saved'],
			['editions/offlineconf-2025', 'Not saved'],
			['editions/offlineconf-2024', 'Saved on this device'],
			[
				'everything',
				`${edition.files} of ${units.reduce((sum, unit) => sum + unit.files, 0)} files saved`,
			],
		]);
		for (const unit of units)
			expect(await unitRow(page, unit.id).locator('.offline-unit-size').textContent()).toContain(
				formatBytes(unit.bytes),
			);

		// Removing the edition works offline too, and its talks are gone with it.
		await page.getByRole('button', { name: 'Remove OfflineConf 2024' }).click();
		await expect
			.poll(() => page.getByRole('status').textContent())
			.toBe('Removed: OfflineConf 2024 is no longer kept for offline reading.');
		expect(await unitRow(page, edition.id).locator('.offline-unit-state').textContent()).toBe(
			'Not saved',
		);
		await page.goto(`${server.url}/talks/tape-archaeology/`);
		expect(await page.locator('h1').textContent()).toBe('Read offline');
	});

	it('says plainly what saving needs, without JavaScript and without service workers', async () => {
		const support = (page: Page) => page.locator('[data-save-support]');
		const withoutScripts = await (
			await chromium.newContext({ javaScriptEnabled: false })
		).newPage();
		await withoutScripts.goto(`${server.url}/offline/`);
		expect(await support(withoutScripts).textContent()).toBe(
			'Saving for offline needs JavaScript and a browser that supports service workers.',
		);
		expect(await withoutScripts.locator('[data-units]').isVisible()).toBe(false);

		const withoutWorkers = await chromium.newPage({ serviceWorkers: 'allow' });
		// A browser without service workers: the property is not there at all.
		await withoutWorkers.addInitScript(() => {
			delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
		});
		await withoutWorkers.goto(`${server.url}/offline/?unit=editions%2Fofflineconf-2024`);
		expect(await support(withoutWorkers).textContent()).toBe(
			'This browser cannot save the hub for offline reading here: open the hub from its website in a current browser.',
		);
		expect(await withoutWorkers.getByRole('button', { name: /^Save/ }).count()).toBe(0);
	});

	it('shows the units with no axe violations in either theme, and within 320 px', async () => {
		const page = await chromium.newPage({ serviceWorkers: 'allow' });
		await page.goto(`${server.url}/offline/`);
		await expect.poll(() => controller(page), { timeout: 20_000 }).toBe('activated');
		// One unit saved, so both kinds of button and every state are on the page.
		await page.getByRole('button', { name: 'Save OfflineConf 2024' }).click();
		await expect
			.poll(() => unitRow(page, 'everything').locator('.offline-unit-state').textContent(), {
				timeout: 30_000,
			})
			.toMatch(/^\d+ of \d+ files saved$/);
		expect(
			(await auditBothThemes(page)).map(
				({ colorScheme, violation }) => `${colorScheme}: ${describeViolation(violation)}`,
			),
		).toEqual([]);
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320,
		);
		// Wrapped rows (the header's sections) must stay 24 px targets on the narrowest phone.
		const narrowTargets = await axeViolations(page, { type: 'rule', values: ['target-size'] });
		expect(narrowTargets.map(describeViolation)).toEqual([]);
		const everything = await unitRow(page, 'everything').boundingBox();
		expect(everything!.x + everything!.width).toBeLessThanOrEqual(320);
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
			.toBe('You are offline: connect to save more.');
		expect(await unitRow(page, 'everything').locator('.offline-unit-state').textContent()).toBe(
			'Not saved',
		);
		expect(await page.getByRole('button', { name: 'Save everything' }).isVisible()).toBe(false);
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
			const first = await offlineManifest((await builtSite('offline')).dist);
			expect(firstCaches).toEqual(expect.arrayContaining(first.units.map((unit) => unit.cache)));
			expect(await searchWithPagefind(page, 'moraineberry')).toEqual([]);

			await rm(deploy);
			await symlink((await builtSite('offline-next')).dist, deploy);
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
			await expect.poll(() => cacheNames(page), { timeout: 20_000 }).not.toContain(firstCaches[0]);
			expect((await cacheNames(page)).filter((name) => firstCaches.includes(name))).toEqual([]);

			await page.reload();
			await saveForOffline(page);
			const next = await offlineManifest((await builtSite('offline-next')).dist);
			expect(next.everything.pages).toBe(first.everything.pages + 1);
			expect(await page.getByRole('status').textContent()).toContain(
				`${next.everything.pages} pages`,
			);
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
