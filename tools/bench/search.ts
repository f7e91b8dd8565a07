import type { Browser, Response } from 'playwright-core';
import { transferSize } from './measure';

export interface SearchMeasurement {
	query: string;
	results: number;
	/** Opening search: loading `pagefind.js` and `init()`, which a UI does before the reader types. */
	openMilliseconds: number;
	/** From the query (the last keystroke) to the first results painted. */
	milliseconds: number;
	requests: number;
	/** What the search fetched, as a gzip-serving host would send it. */
	transferBytes: number;
}

interface SearchTimes {
	results: number;
	openMilliseconds: number;
	milliseconds: number;
}

/**
 * What the page runs: open Pagefind over the search page's default scope (the hub's index and
 * the default scope's editions, docs/search.md), search, load the first results and paint their
 * titles. Source text, not a function: a bundler or test runner rewrites `import()` in functions
 * it compiles, and the page has none of its helpers.
 */
const inPageSearch = (query: string) => `(async () => {
	const opened = performance.now();
	const bundle = \`\${location.origin}/pagefind/\`;
	const [module, listing] = await Promise.all([
		import(\`\${bundle}pagefind.js\`),
		fetch(\`\${bundle}editions.json\`).then((response) => (response.ok ? response.json() : { editions: [], defaultScope: [] })),
	]);
	const pagefind = module.createInstance({ basePath: bundle, baseUrl: '/' });
	await pagefind.init();
	for (const edition of listing.editions.filter((listed) => listing.defaultScope.includes(listed.id))) await pagefind.mergeIndex(bundle + edition.path, { baseUrl: '/' });
	const started = performance.now();
	const search = await pagefind.search(${JSON.stringify(query)});
	const firstResults = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
	const list = document.createElement('ol');
	for (const data of firstResults) list.append(Object.assign(document.createElement('li'), { textContent: data.meta.title }));
	document.body.prepend(list);
	await new Promise(requestAnimationFrame);
	const painted = performance.now();
	return { results: search.results.length, openMilliseconds: started - opened, milliseconds: painted - started };
})()`;

/**
 * Searches `query` on a page of a served site in a fresh browser context (cold cache), through
 * Pagefind's JS API: load `pagefind.js` and initialise it (opening search), then search, load the
 * first results' data and paint their titles. Any search UI does at least this work, so it is
 * the floor of what a reader waits for.
 */
export async function measureSearch(
	browser: Browser,
	pageUrl: string,
	query: string,
): Promise<SearchMeasurement> {
	// The service worker precaches the search bundle in the background on a first visit
	// (offline reading); that is not the search's cost, and it is logged by the build.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		// Quiet first, so late requests of the page itself (its icon) are not counted as search.
		await page.goto(pageUrl, { waitUntil: 'networkidle' });
		const responses: Response[] = [];
		context.on('response', (response) => responses.push(response));
		const { results, openMilliseconds, milliseconds } = await page.evaluate<SearchTimes>(
			inPageSearch(query),
		);
		const sizes = await Promise.all(
			responses.map(async (response) =>
				transferSize(response.headers()['content-type'] ?? '', await response.body()),
			),
		);
		return {
			query,
			results,
			openMilliseconds,
			milliseconds,
			requests: responses.length,
			transferBytes: sizes.reduce((a, b) => a + b, 0),
		};
	} finally {
		await context.close();
	}
}
