import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSearch } from '#tools/bench/search.ts';
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
