import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSearch } from '#tools/bench/search.ts';
import { indexSite } from '#tools/build/pagefind-step.ts';
import { launchChromium } from '#tools/chromium.ts';
import { serveStatic, type StaticServer } from '#tools/static-server.ts';
import { indexScratchSite, page, scratchSite } from '../../../helpers/scratch-site';

describe('measureSearch', async () => {
	const dist = await scratchSite({
		'index.html': page('<main data-pagefind-body><h1>Home</h1><p>Welcome.</p></main>'),
		'talks/apk/index.html': page(
			'<main data-pagefind-body><h1>Packaging with apk</h1><p>How apk signs packages.</p></main>',
		),
	});
	await indexScratchSite(dist);
	let server: StaticServer;
	let browser: Browser;
	beforeAll(async () => {
		server = await serveStatic(dist);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('searches in Chromium from a cold cache and counts what the search fetched', async () => {
		const measured = await measureSearch(browser, `${server.url}/`, 'apk');
		expect(measured).toMatchObject({ query: 'apk', results: 1 });
		expect(measured.requests).toBeGreaterThan(2);
		expect(measured.transferBytes).toBeGreaterThan(10_000);
		expect(measured.milliseconds).toBeGreaterThan(0);
		expect(measured.openMilliseconds).toBeGreaterThan(0);
	});
});

describe('measureSearch over several indexes', async () => {
	const talk = (title: string, edition: string, date: string) =>
		page(
			`<main data-pagefind-body><h1>${title}</h1><p>How apk signs packages.</p></main>`,
			`<meta name="edelweiss-search-index" content="${edition}"><meta name="pagefind-sort-date" data-pagefind-sort="date[content]" content="${date}">`,
		);
	const pages = {
		'notes/apk/index.html': page('<main data-pagefind-body><h1>Notes on apk</h1></main>'),
		'talks/apk-2024/index.html': talk('apk in 2024', 'conf-2024', '2024-05-01'),
		'talks/apk-2023/index.html': talk('apk in 2023', 'conf-2023', '2023-05-01'),
	};
	const dist = await scratchSite(pages);
	// A default scope of the most recent edition alone, as a large archive's.
	await indexSite(
		dist,
		new Map(Object.keys(pages).map((file) => [file, file])),
		`${dist}-pagefind-state.json`,
		0,
	);
	let server: StaticServer;
	let browser: Browser;
	beforeAll(async () => {
		server = await serveStatic(dist);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('searches what the search page searches first: the hub’s index and the default scope’s editions', async () => {
		const measured = await measureSearch(browser, `${server.url}/notes/apk/`, 'apk');
		expect(measured.results).toBe(2);
	});
});
