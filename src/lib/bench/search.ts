import type { Browser, Response } from 'playwright-core';
import { transferSize } from './measure';

export interface SearchMeasurement {
	query: string;
	results: number;
	/** From the start of the search to the first results painted. */
	milliseconds: number;
	requests: number;
	/** What the search fetched, as a gzip-serving host would send it. */
	transferBytes: number;
}

/**
 * Searches `query` on a page of a served site in a fresh browser context (cold cache), through
 * Pagefind's JS API: load `pagefind.js`, search, load the first results' data and paint their
 * titles. Any search UI does at least this work, so it is the floor of what a reader waits for.
 */
export async function measureSearch(browser: Browser, pageUrl: string, query: string): Promise<SearchMeasurement> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(pageUrl, { waitUntil: 'load' });
		const responses: Response[] = [];
		context.on('response', (response) => responses.push(response));
		const { results, milliseconds } = await page.evaluate(async (query) => {
			const started = performance.now();
			const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
			const search = await pagefind.search(query);
			const firstResults = await Promise.all(search.results.slice(0, 5).map((result: any) => result.data()));
			const list = document.createElement('ol');
			for (const data of firstResults) list.append(Object.assign(document.createElement('li'), { textContent: data.meta.title }));
			document.body.prepend(list);
			await new Promise(requestAnimationFrame);
			return { results: search.results.length as number, milliseconds: performance.now() - started };
		}, query);
		const sizes = await Promise.all(
			responses.map(async (response) => transferSize(response.headers()['content-type'] ?? '', await response.body())),
		);
		return { query, results, milliseconds, requests: responses.length, transferBytes: sizes.reduce((a, b) => a + b, 0) };
	} finally {
		await context.close();
	}
}
