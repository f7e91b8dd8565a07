import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFilters, type SelectedFilters } from '#lib/search/search-query.ts';
import { runTerminalSearch } from '#tools/search/terminal-search.ts';
import { serveStatic, type StaticServer } from '#tools/static-server.ts';
import {
	expectGolden,
	goldenSiteDists,
	goldenSuites,
	type GoldenHit,
} from '../search/golden-queries';
import { useSiteInChromium } from '../helpers/chromium';

const goldenDists = await goldenSiteDists();

type Instance = {
	totalFilters: Record<string, Record<string, number>>;
	triggerSearchWithFilters(term: string, filters: SelectedFilters): void;
	on(
		event: 'results',
		callback: (result: {
			results: { data(): Promise<{ url: string; meta: { type?: string } }> }[];
		}) => void,
	): void;
};
declare const PagefindComponents: { getInstanceManager(): { getInstance(name: string): Instance } };

describe('search in Chromium', () => {
	const server = useSiteInChromium('search');
	let page: Page;

	beforeAll(async () => {
		page = await server.newPage();
	});

	const resultLinks = (scope: string) =>
		page
			.locator(`${scope} a.pf-result-link`)
			.evaluateAll((links) =>
				links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
			);

	/** The modal puts the reader in its search box, ready to type. */
	const inputFocused = () =>
		page.evaluate(() => Boolean(document.activeElement?.matches('pagefind-modal input')));

	it('loads no search code until the reader opens search', async () => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(`${server.url}/talks/podman/`);
		expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
		await page.keyboard.press('/');
		await expect.poll(() => requested.includes('/pagefind/pagefind-component-ui.js')).toBe(true);
		page.removeAllListeners('request');
	});

	it('shows the results of the last word typed while the index was still loading', async () => {
		// Pagefind's filters arrive last in its load: words typed before and while they load.
		const context = await server.newContext();
		const reader = await context.newPage();
		const filterChunk = (url: URL) =>
			url.pathname.startsWith('/pagefind/') && url.pathname.includes('/filter/');
		await reader.route(filterChunk, async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			await route.continue();
		});
		await reader.goto(`${server.url}/events/fosdem-2020/`);
		await reader.keyboard.press('/');
		await expect
			.poll(() =>
				reader.evaluate(() => Boolean(document.activeElement?.matches('pagefind-modal input'))),
			)
			.toBe(true);
		await reader.keyboard.type('po');
		await reader.waitForTimeout(700);
		await reader.keyboard.type('dman');
		const links = reader.locator('pagefind-modal a.pf-result-link');
		await expect
			.poll(
				() =>
					links.evaluateAll((all) =>
						all.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
					),
				{ timeout: 20_000 },
			)
			.toEqual(['/talks/podman/', '/talks/kata-containers-opensuse/']);
		// And it stays so once every search has come back.
		await reader.waitForTimeout(3_000);
		expect(
			await links.evaluateAll((all) =>
				all.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
			),
		).toEqual(['/talks/podman/', '/talks/kata-containers-opensuse/']);
		await context.close();
	});

	it('opens with /, shows highlighted results as you type, navigates by keyboard', async () => {
		await page.goto(`${server.url}/events/fosdem-2020/`);
		await page.keyboard.press('/');
		const dialog = page.getByRole('dialog');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await expect.poll(inputFocused).toBe(true);
		await page.keyboard.type('podman');
		await expect
			.poll(() => resultLinks('pagefind-modal'))
			.toEqual(['/talks/podman/', '/talks/kata-containers-opensuse/']);
		expect(await dialog.locator('.pf-result-excerpt mark').first().textContent()).toMatch(
			/podman/i,
		);
		expect(await dialog.locator('.search-result-facts').first().textContent()).toBe(
			'Talk · FOSDEM 2020 · 1 February 2020',
		);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.url()).toBe(`${server.url}/talks/podman/`);
	});

	it('opens with Ctrl-K and closes with Escape, returning focus to the page', async () => {
		await page.goto(`${server.url}/notes/pine-ostree-alpine/`);
		await page.keyboard.press('Control+k');
		await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
		await expect.poll(inputFocused).toBe(true);
		await page.keyboard.type('ostree');
		await expect
			.poll(async () => (await resultLinks('pagefind-modal'))[0])
			.toBe('/notes/pine-ostree-alpine/');
		// Long pages answer with their sections too.
		await expect
			.poll(() =>
				page
					.locator('pagefind-modal a.pf-heading-link')
					.evaluateAll((links) =>
						links.map((link) => new URL((link as HTMLAnchorElement).href).hash),
					),
			)
			.toContain('#why-ostree');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href')))
			.toBe('/search/');
	});

	it('reproduces a shared search page URL: query, facets and results', async () => {
		await page.goto(`${server.url}/search/?q=containers&type=talk&event=fosdem-2020`);
		const input = page.locator('[data-search-page] pagefind-input input');
		await expect.poll(() => input.inputValue()).toBe('containers');
		await expect
			.poll(async () => (await resultLinks('[data-search-page]')).sort())
			.toEqual([
				'/talks/kata-containers-opensuse/',
				'/talks/lazy-image-distribution/',
				'/talks/podman/',
			]);
		expect(await page.locator('input[name="type"][value="Talk"]').isChecked()).toBe(true);
		expect(await page.locator('input[name="event"][value="FOSDEM 2020"]').isChecked()).toBe(true);
	});

	it('keeps the URL in step as the reader types and narrows with facets', async () => {
		await page.goto(`${server.url}/search/`);
		const input = page.locator('[data-search-page] pagefind-input input');
		await input.fill('alpine');
		await expect.poll(() => new URL(page.url()).search).toBe('?q=alpine');
		await expect
			.poll(() => resultLinks('[data-search-page]'))
			.toContain('/notes/pine-ostree-alpine/');
		await page.locator('label:has(input[name="type"][value="Note"])').click();
		await expect.poll(() => new URL(page.url()).search).toBe('?q=alpine&type=note');
		await expect
			.poll(async () => (await resultLinks('[data-search-page]')).sort())
			.toEqual(['/notes/mirror-infrastructure/', '/notes/pine-ostree-alpine/']);
		await page.locator('[data-search-sort]').selectOption('date');
		await expect.poll(() => new URL(page.url()).search).toBe('?q=alpine&type=note&sort=date');
		await expect
			.poll(() => resultLinks('[data-search-page]'))
			.toEqual(['/notes/pine-ostree-alpine/', '/notes/mirror-infrastructure/']);
		// The URL alone brings the same results back.
		const shared = page.url();
		await page.goto('about:blank');
		await page.goto(shared);
		await expect
			.poll(() => resultLinks('[data-search-page]'))
			.toEqual(['/notes/pine-ostree-alpine/', '/notes/mirror-infrastructure/']);
	});

	it('says which filter values in a URL it does not know', async () => {
		await page.goto(`${server.url}/search/?q=podman&event=fosdem-2021&edition=fosdem-2020`);
		await expect
			.poll(() => page.locator('[data-search-notice]').textContent())
			.toContain('event "fosdem-2021"');
		await expect
			.poll(async () => (await resultLinks('[data-search-page]'))[0])
			.toBe('/talks/podman/');
	});

	it('searches all years for a URL filter value only an older edition knows', async () => {
		// Containers is a FOSDEM 2020 track; the default scope is AlpineConf 2021 alone.
		await page.goto(`${server.url}/search/?q=podman&track=containers`);
		await expect
			.poll(async () => (await resultLinks('[data-search-page]')).sort())
			.toEqual(['/talks/kata-containers-opensuse/', '/talks/podman/']);
		expect(await page.locator('[data-search-notice]').isHidden()).toBe(true);
		await expect
			.poll(() => page.locator('[data-search-scope]').textContent())
			.toBe('Searching all years.');
		expect(new URL(page.url()).search).toBe('?q=podman&track=containers');
	});

	it('searches the hub, the most recent edition and the reader’s; all years on request', async () => {
		// From the hub's pages: the hub's index and AlpineConf 2021's, not FOSDEM 2020's.
		await page.goto(`${server.url}/search/?q=podman`);
		const scope = page.locator('[data-search-scope]');
		await expect.poll(() => scope.textContent()).toContain('AlpineConf 2021');
		expect(await scope.textContent()).not.toContain('FOSDEM 2020');
		await expect
			.poll(() => page.locator('[data-search-page] pagefind-summary').textContent())
			.toMatch(/No results/i);
		expect(await resultLinks('[data-search-page]')).not.toContain('/talks/podman/');
		const note = page.locator('[data-search-page] [data-search-suggestion]');
		await expect
			.poll(() => note.textContent())
			.toContain('Older editions were not searched: search all years.');
		expect(await note.getByRole('link', { name: 'search all years' }).getAttribute('href')).toBe(
			`${server.url}/search/?q=podman&years=all`,
		);
		await scope.getByRole('button', { name: 'All years' }).click();
		await expect.poll(() => resultLinks('[data-search-page]')).toContain('/talks/podman/');
		await expect.poll(() => new URL(page.url()).search).toBe('?q=podman&years=all');
		await expect.poll(() => scope.textContent()).toBe('Searching all years.');
		await expect.poll(() => note.isHidden()).toBe(true);
		// The URL alone brings every year back.
		await page.reload();
		await expect.poll(() => resultLinks('[data-search-page]')).toContain('/talks/podman/');

		// From a FOSDEM 2020 page, the search page searches FOSDEM 2020 too.
		await page.goto(`${server.url}/talks/kata-containers-opensuse/`);
		const searchLink = await page
			.locator('[data-search-trigger]')
			.evaluate((link) => (link as HTMLAnchorElement).href);
		expect(searchLink).toBe(`${server.url}/search/?edition=fosdem-2020`);
		await page.goto(searchLink);
		await page.locator('[data-search-page] pagefind-input input').fill('podman');
		await expect.poll(() => resultLinks('[data-search-page]')).toContain('/talks/podman/');
		await expect.poll(() => new URL(page.url()).search).toBe('?q=podman&edition=fosdem-2020');
		// An event filter in the URL brings its edition along.
		await page.goto(`${server.url}/search/?q=podman&event=fosdem-2020`);
		await expect.poll(() => resultLinks('[data-search-page]')).toContain('/talks/podman/');
	});

	it('orders newest first across the indexes, loading no more result fragments than needed', async () => {
		const fragments: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('.pf_fragment')) fragments.push(new URL(request.url()).pathname);
		});
		await page.goto(`${server.url}/search/?years=all&sort=date`);
		const browserOrder = () =>
			page.evaluate(
				() =>
					new Promise<{ url: string; date: string }[]>((resolve) => {
						const instance = PagefindComponents.getInstanceManager().getInstance('default');
						instance.on('results', async (result) => {
							const data = await Promise.all(result.results.map((hit) => hit.data()));
							resolve(
								data.map(({ url, meta }) => ({
									url,
									date: (meta as { isodate?: string }).isodate ?? '',
								})),
							);
						});
						instance.triggerSearchWithFilters('', {});
					}),
			);
		await expect.poll(() => resultLinks('[data-search-page]')).not.toEqual([]);
		// The order is settled before the first result shows: the fragments loaded by then are
		// those it read, and those of the results shown.
		const loadedForOrder = new Set(fragments).size;
		const order = await browserOrder();
		const dates = order.map((hit) => hit.date);
		expect(dates).toEqual([...dates].sort().reverse());
		// Pages of both editions and of the hub, interleaved by date.
		expect(order.map((hit) => hit.url)).toEqual(
			expect.arrayContaining([
				'/talks/podman/',
				'/events/alpineconf-2021/',
				'/recaps/alpineconf-2021-recap/',
			]),
		);
		const terminal = await runTerminalSearch({
			term: '',
			filters: {},
			newestFirst: true,
			limit: 1000,
			json: false,
			dist: goldenDists.search!,
		});
		expect(order.map((hit) => hit.url)).toEqual(terminal.hits.map((hit) => hit.url));
		expect(loadedForOrder).toBeLessThan(order.length);
		page.removeAllListeners('request');
	});

	describe('the search page as it loads (Lighthouse: no layout shift, its text painted first)', () => {
		/** A phone the size Lighthouse's mobile run uses. */
		const phone = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };

		/** Holds back the requests `pattern` matches until the returned function is called. */
		async function holdBack(reader: Page, pattern: string): Promise<() => void> {
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			await reader.route(pattern, async (route) => {
				await held;
				await route.continue();
			});
			return release;
		}

		/** The page has searched for `term`: its URL says so, and results are drawn. */
		async function expectSearched(reader: Page, term: string) {
			await expect.poll(() => new URL(reader.url()).search).toBe(`?q=${term}`);
			await expect
				.poll(() =>
					reader.locator('[data-search-page] a.pf-result-link').first().getAttribute('href'),
				)
				.toBeTruthy();
		}

		it('shows the results of a URL with a search without a move from the reader, and nothing shifts', async () => {
			const context = await server.newContext(phone);
			const reader = await context.newPage();
			await reader.addInitScript(() => {
				const record = { shifts: [] as number[], firstBoxes: {} as Record<string, number> };
				Object.assign(window, { layoutRecord: record });
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries())
						record.shifts.push((entry as PerformanceEntry & { value: number }).value);
				}).observe({ type: 'layout-shift', buffered: true });
				// Where the page's parts are as first drawn, before Pagefind has loaded.
				document.addEventListener('DOMContentLoaded', () => {
					for (const selector of [
						'[data-search-page] pagefind-input',
						'[data-search-page] pagefind-results',
						'details.search-facets',
					])
						record.firstBoxes[selector] = document
							.querySelector(selector)!
							.getBoundingClientRect().top;
				});
			});
			await reader.goto(`${server.url}/search/?q=alpine`);
			const results = reader.locator(
				'[data-search-page] .pf-result:not([aria-hidden]) a.pf-result-link',
			);
			await expect.poll(() => results.count()).toBeGreaterThan(3);
			// Every result on the first screen has its text: nothing left to arrive there.
			await expect
				.poll(() =>
					reader.evaluate(
						() =>
							[...document.querySelectorAll('[data-search-page] .pf-result')].filter(
								(result) =>
									result.getBoundingClientRect().top < innerHeight &&
									result.matches('[aria-hidden]'),
							).length,
					),
				)
				.toBe(0);
			const record = await reader.evaluate(
				() =>
					(
						window as unknown as {
							layoutRecord: { shifts: number[]; firstBoxes: Record<string, number> };
						}
					).layoutRecord,
			);
			const shifted = record.shifts.reduce((sum, value) => sum + value, 0);
			expect(shifted).toBeLessThan(0.1);
			for (const [selector, top] of Object.entries(record.firstBoxes)) {
				const now = await reader
					.locator(selector)
					.evaluate((element) => element.getBoundingClientRect().top);
				expect(Math.abs(now - top), selector).toBeLessThan(1);
			}
			// The largest text of the first screen is the server's, not a result that comes later.
			const largest = await reader.evaluate(
				() =>
					new Promise<string>((resolve) =>
						new PerformanceObserver((list) => {
							const entries = list.getEntries() as (PerformanceEntry & {
								element: Element | null;
							})[];
							resolve(entries.at(-1)?.element?.className ?? '');
						}).observe({ type: 'largest-contentful-paint', buffered: true }),
					),
			);
			expect(largest).toBe('lead');
			await context.close();
		});

		it('draws the box before Pagefind loads; typing there starts search and keeps the words', async () => {
			const context = await server.newContext(phone);
			const reader = await context.newPage();
			// Held back until the reader has typed: the page must be usable without it.
			const release = await holdBack(reader, '**/pagefind/pagefind-component-ui.js');
			await reader.goto(`${server.url}/search/`);
			const box = reader.getByRole('searchbox', { name: 'Search this site' });
			expect(await box.isVisible()).toBe(true);
			expect(await reader.locator('[data-search-fallback]').isVisible()).toBe(false);
			await box.fill('alpine');
			release();
			await expectSearched(reader, 'alpine');
			expect(await reader.locator('[data-search-page] pagefind-input input').inputValue()).toBe(
				'alpine',
			);
			await context.close();
		});

		it('keeps words typed into Pagefind’s box before the page has taken it over, and searches them in its scope', async () => {
			const context = await server.newContext(phone);
			const reader = await context.newPage();
			// The editions' listing held back: Pagefind's box has replaced the server's, and the page
			// has not taken it over yet (it waits for the listing to scope the search).
			const release = await holdBack(reader, '**/pagefind/editions.json');
			await reader.goto(`${server.url}/search/`);
			await reader.getByRole('searchbox', { name: 'Search this site' }).focus();
			const pagefindBox = reader.locator(
				'[data-search-page] pagefind-input input:not([data-search-box])',
			);
			await pagefindBox.waitFor();
			// Focused and typed into before the scope is known: Pagefind's box loads the index on focus.
			await pagefindBox.fill('cloud');
			release();
			await expectSearched(reader, 'cloud');
			expect(await pagefindBox.inputValue()).toBe('cloud');
			// The talk is in the most recent edition's index, which the page's scope merges.
			await expect
				.poll(() =>
					reader
						.locator('[data-search-page] a.pf-result-link')
						.evaluateAll((links) =>
							links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
						),
				)
				.toContain('/talks/alpine-in-the-cloud/');
			await context.close();
		});

		it('carries no header modal; `/` puts the reader in the page’s own box', async () => {
			const context = await server.newContext(phone);
			const reader = await context.newPage();
			// Pagefind is held back, so only the shortcut can put the reader in the box.
			const release = await holdBack(reader, '**/pagefind/pagefind-component-ui.js');
			await reader.goto(`${server.url}/search/`);
			expect(await reader.locator('pagefind-modal').count()).toBe(0);
			await reader.keyboard.press('/');
			await expect
				.poll(() =>
					reader.evaluate(() =>
						Boolean(document.activeElement?.matches('[data-search-page] input')),
					),
				)
				.toBe(true);
			release();
			await context.close();
		});

		it('builds the filter pane on a phone only once the reader unfolds the filters', async () => {
			const context = await server.newContext(phone);
			const reader = await context.newPage();
			await reader.goto(`${server.url}/search/?q=alpine&type=note`);
			await expect
				.poll(() => reader.locator('[data-search-filter-count]').textContent())
				.toBe(' (1 on)');
			expect(await reader.locator('pagefind-filter-pane').count()).toBe(0);
			await reader.locator('details.search-facets > summary').click();
			const note = reader.locator('pagefind-filter-pane input[name="type"][value="Note"]');
			await expect.poll(() => note.isChecked().catch(() => false)).toBe(true);
			await context.close();
		});

		it('tells a reader without JavaScript what to do instead, and shows no dead box', async () => {
			const context = await server.newContext({ ...phone, javaScriptEnabled: false });
			const reader = await context.newPage();
			await reader.goto(`${server.url}/search/?q=alpine`);
			// The words themselves are in a <noscript>, which Playwright's switch leaves unrendered;
			// tests/build/search-site.test.ts reads them.
			expect(await reader.getByRole('link', { name: 'Talks' }).last().isVisible()).toBe(true);
			expect(await reader.locator('[data-search-page]').isVisible()).toBe(false);
			// Nor a theme picker the script would run.
			expect(await reader.locator('[data-theme-toggle]').isVisible()).toBe(false);
			await context.close();
		});
	});

	it('falls back to the search page and the lists when the index cannot load', async () => {
		// Requests a service worker makes bypass page.route: without one, every index request fails.
		const context = await server.newContext({ serviceWorkers: 'block' });
		const offline = await context.newPage();
		await offline.route('**/pagefind/**', (route) => route.abort());
		await offline.goto(`${server.url}/talks/podman/`);
		await offline.keyboard.press('/');
		// The search page, told the edition of the page the reader was on.
		await expect.poll(() => offline.url()).toBe(`${server.url}/search/?edition=fosdem-2020`);
		const message = offline.locator('[data-search-message]');
		await expect.poll(() => message.isVisible()).toBe(true);
		expect(await message.textContent()).toContain('Search could not load its index.');
		expect(await offline.locator('[data-search-page]').isVisible()).toBe(false);
		expect(await offline.getByRole('link', { name: 'Talks' }).last().isVisible()).toBe(true);
		await context.close();
	});

	for (const suite of goldenSuites) {
		describe(`golden queries against ${suite.site}, the same index as \`npm run search\``, () => {
			const siteDist = goldenDists[suite.siteName];
			let siteServer: StaticServer;
			let filterCounts: Instance['totalFilters'];
			beforeAll(async () => {
				siteServer = await serveStatic(siteDist);
				// Every year, as the terminal searches: the default scope is tested on its own below.
				await page.goto(`${siteServer.url}/search/?years=all`);
				// The component script may still be loading: wait for it as well as for the filters.
				await page.waitForFunction(
					() =>
						typeof PagefindComponents !== 'undefined' &&
						Boolean(PagefindComponents.getInstanceManager().getInstance('default').totalFilters),
				);
				filterCounts = await page.evaluate(
					() => PagefindComponents.getInstanceManager().getInstance('default').totalFilters,
				);
			});
			afterAll(() => siteServer?.close());

			/** Every ranked result of the search page's own Pagefind instance. */
			const browserSearch = (term: string, filters: SelectedFilters) =>
				page.evaluate(
					([term, filters]) =>
						new Promise<GoldenHit[]>((resolve) => {
							const instance = PagefindComponents.getInstanceManager().getInstance('default');
							let answered = false;
							instance.on('results', async (result) => {
								if (answered) return;
								answered = true;
								const data = await Promise.all(result.results.map((hit) => hit.data()));
								resolve(data.map(({ url, meta }) => ({ url, type: meta.type })));
							});
							instance.triggerSearchWithFilters(term, filters);
						}),
					[term, filters] as const,
				);

			for (const query of suite.queries) {
				it(query.name, async () => {
					const { filters, unknown } = resolveFilters(filterCounts, query.filters ?? {});
					expect(unknown).toEqual([]);
					const hits = await browserSearch(query.term, filters);
					const unfiltered = query.narrowsAway ? await browserSearch(query.term, {}) : undefined;
					expectGolden(query, hits, unfiltered);
					const terminal = await runTerminalSearch({
						term: query.term,
						filters: query.filters ?? {},
						newestFirst: false,
						limit: 5,
						json: false,
						dist: siteDist,
					});
					expect(hits.slice(0, 5).map((hit) => hit.url)).toEqual(
						terminal.hits.map((hit) => hit.url),
					);
				});
			}
		});
	}
});
