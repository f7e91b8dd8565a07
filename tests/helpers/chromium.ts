import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
	type ViewportSize,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startProcess, tsxCommand } from '#tools/run-command.ts';
import { serveStatic, type StaticServer } from '#tools/static-server.ts';
import { projectRoot } from './build-site';
import { builtSite, type SiteName } from './sites';

let shared: Promise<Browser> | undefined;

/**
 * The worker's Chromium, launched on first use and shared by every browser test file the worker
 * runs (the tier shares modules within a worker: vitest.config.ts); it ends when the worker
 * exits. Tests open contexts of their own and close them; none closes the browser.
 *
 * Playwright's own side of the browser (its protocol and page bookkeeping) runs in a child
 * process (chromium-server.ts), connected over a WebSocket: in the worker it ran under V8's
 * coverage, which made the browser tier about a fifth slower.
 */
export function workerChromium(): Promise<Browser> {
	shared ??= connectToServer();
	return shared;
}

async function connectToServer(): Promise<Browser> {
	const server = tsxCommand(fileURLToPath(new URL('./chromium-server.ts', import.meta.url)));
	const { child, exitCode } = startProcess(server.command, server.args, {
		cwd: projectRoot,
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const firstLine = new Promise<string>((resolve) =>
		createInterface({ input: child.stdout! }).once('line', resolve),
	);
	const endpoint = await Promise.race([
		firstLine,
		exitCode.then((code) => {
			throw new Error(`The Chromium server for the browser tests exited with code ${code}`);
		}),
	]);
	return chromium.connect(endpoint);
}

export interface ChromiumContexts {
	/** The worker's Chromium; available in tests and in hooks after the block's own `beforeAll`. */
	readonly browser: Browser;
	/**
	 * A fresh context (its own storage and viewport), closed after the block. Service workers
	 * are blocked unless asked for (`serviceWorkers: 'allow'`, as the offline tests do): the
	 * site's worker precaches the whole search on a first visit, a second of Chromium's CPU
	 * per context that no other test looks at.
	 */
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
	/** A page in a fresh context, closed after the block. */
	newPage(options?: BrowserContextOptions): Promise<Page>;
	/**
	 * One page for the block's tests that go to pages and read them, kept open between them in a
	 * context of the default options, its viewport set to `viewport` (by default Playwright's
	 * 1280 × 720): a new tab is about 0.3 s of Chromium's CPU before it loads anything, and a
	 * tab's first page about 0.2 s more. A test that listens, routes, stores, sets a clock or
	 * needs other options opens its own (`newPage`).
	 */
	readingPage(viewport?: ViewportSize): Promise<Page>;
}

export interface SiteInChromium extends ChromiumContexts {
	/** The served site's origin, e.g. `http://127.0.0.1:41234`. */
	readonly url: string;
	/** The built site's folder. */
	readonly dist: string;
}

/** The worker's Chromium for the tests of the `describe` block (or file) it is called in; the contexts it opened are closed after them. */
export function useChromium(): ChromiumContexts {
	let browser: Browser | undefined;
	const contexts: BrowserContext[] = [];
	beforeAll(async () => {
		browser = await workerChromium();
	});
	afterAll(async () => {
		await Promise.all(contexts.splice(0).map((context) => context.close()));
	});
	const newContext = async (options?: BrowserContextOptions) => {
		if (!browser)
			throw new Error('useChromium(): a context was asked for before the block’s beforeAll ran');
		const context = await browser.newContext({ serviceWorkers: 'block', ...options });
		contexts.push(context);
		return context;
	};
	const newPage = async (options?: BrowserContextOptions) => (await newContext(options)).newPage();
	let readingPage: Promise<Page> | undefined;
	return {
		get browser() {
			if (!browser)
				throw new Error(
					'useChromium(): the browser was asked for before the block’s beforeAll ran',
				);
			return browser;
		},
		newContext,
		newPage,
		async readingPage(viewport = { width: 1280, height: 720 }) {
			const page = await (readingPage ??= newPage());
			await page.setViewportSize(viewport);
			return page;
		},
	};
}

/**
 * A built fixture site served on 127.0.0.1 the way static hosts serve it, and the worker's
 * Chromium, for the tests of the `describe` block (or file) it is called in: the setup every
 * browser test shares.
 */
export function useSiteInChromium(site: SiteName): SiteInChromium {
	const chromium = useChromium();
	let server: StaticServer | undefined;
	let dist: string | undefined;
	beforeAll(async () => {
		({ dist } = await builtSite(site));
		server = await serveStatic(dist);
	});
	afterAll(() => server?.close());
	const ready = <T>(value: T | undefined, name: string): T => {
		if (value === undefined)
			throw new Error(
				`useSiteInChromium('${site}'): ${name} was asked for before the block’s beforeAll ran`,
			);
		return value;
	};
	return {
		get browser() {
			return chromium.browser;
		},
		newContext: chromium.newContext,
		newPage: chromium.newPage,
		readingPage: chromium.readingPage,
		get url() {
			return ready(server, 'the URL').url;
		},
		get dist() {
			return ready(dist, 'the site');
		},
	};
}
