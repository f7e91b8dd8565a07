import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingIndexHint } from '../../src/integrations/pagefind-dev-server';
import { launchChromium } from '#tools/chromium.ts';
import {
	fixtureContent,
	outputRoot,
	ownAstroRoot,
	projectRoot,
	startAstroDev,
} from '../helpers/build-site';
import { builtSite } from '../helpers/sites';

describe('search and content checks under astro dev', () => {
	const work = path.join(outputRoot, 'dev-search');
	const outDir = path.join(work, 'dist');
	// A copy of the search fixture, so a test can break it while the server runs.
	const content = path.join(work, 'content');
	let dev: ChildProcess;
	let output = '';
	let url = '';
	let browser: Browser | undefined;

	beforeAll(async () => {
		await rm(work, { recursive: true, force: true });
		await mkdir(outDir, { recursive: true });
		await cp(path.join(projectRoot, fixtureContent('search')), content, { recursive: true });
		// A root of its own: another test's dev server may run meanwhile (`ownAstroRoot`).
		dev = startAstroDev(
			await ownAstroRoot('dev-search'),
			{
				EDELWEISS_CONTENT: path.relative(projectRoot, content),
				EDELWEISS_OUT_DIR: outDir,
				EDELWEISS_CACHE_DIR: path.join(work, 'cache'),
			},
			['--host', '127.0.0.1', '--port', '4399'],
		);
		dev.stdout!.on('data', (chunk) => (output += chunk));
		dev.stderr!.on('data', (chunk) => (output += chunk));
		url = await new Promise<string>((resolve, reject) => {
			const ready = () => {
				const address = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
				if (address) resolve(address);
			};
			dev.stdout!.on('data', ready);
			dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
		});
		// The server listens before its first content sync is done: wait for a page to render.
		for (let tries = 0; (await fetch(`${url}/talks/podman/`)).status !== 200; tries++) {
			if (tries === 120) throw new Error(`astro dev never served /talks/podman/:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	});
	afterAll(async () => {
		await browser?.close();
		dev?.kill();
	});

	it('says there is no index yet, in the terminal and to the browser', async () => {
		expect(output).toContain(missingIndexHint);
		const response = await fetch(`${url}/pagefind/pagefind-component-ui.js`);
		expect(response.status).toBe(404);
		expect(await response.text()).toBe(`${missingIndexHint}\n`);
	});

	it('searches with the index of the last build, picked up while running', async () => {
		await cp(
			path.join((await builtSite('search')).dist, 'pagefind'),
			path.join(outDir, 'pagefind'),
			{ recursive: true },
		);
		const script = await fetch(`${url}/pagefind/pagefind-component-ui.js`);
		expect(script.status).toBe(200);
		expect(script.headers.get('content-type')).toContain('text/javascript');

		browser = await launchChromium();
		const page = await browser.newPage();
		await page.goto(`${url}/talks/podman/`);
		const dialog = page.getByRole('dialog');
		// Vite may reload the page once after optimising dependencies on the first visit: retry.
		const openWithSlash = async () => {
			if (!(await dialog.isVisible())) await page.keyboard.press('/');
			return dialog.isVisible();
		};
		await expect.poll(openWithSlash, { timeout: 30_000, interval: 1000 }).toBe(true);
		await dialog.locator('input').fill('ostree');
		await expect
			.poll(() => page.locator('pagefind-modal a.pf-result-link').first().getAttribute('href'), {
				timeout: 20_000,
			})
			.toBe('/notes/pine-ostree-alpine/');
	});

	it('validates content again when a file changes, and says when it is fixed', async () => {
		const broken = path.join(content, 'talks', 'dev-typo.md');
		const seen = output.length;
		await writeFile(broken, '---\ntitle: A typo\nevent: fosdem-2002\n---\n');
		await expect
			.poll(() => output.slice(seen), { timeout: 20_000 })
			.toMatch(/talks\/dev-typo\.md:3:1 event: unknown event "fosdem-2002"/);
		expect(output.slice(seen)).toContain('did you mean "fosdem-2020"?');
		const fixed = output.length;
		await rm(broken);
		await expect
			.poll(() => output.slice(fixed), { timeout: 20_000 })
			.toMatch(/\d+ content files valid/);
	});
});
