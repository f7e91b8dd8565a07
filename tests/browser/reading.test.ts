import { describe, expect, it } from 'vitest';
import { auditBothThemes, describeViolation } from '#tools/check/accessibility.ts';
import { useChromium, useSiteInChromium } from '../helpers/chromium';

const sites = { programme: useSiteInChromium('programme'), site: useSiteInChromium('site') };
const url = (site: keyof typeof sites, path: string) => `${sites[site].url}${path}`;
const chromium = useChromium();

describe('reading on a phone (item 7)', () => {
	it('keeps the header compact and folds the contents under the title', async () => {
		const page = await chromium.readingPage({ width: 390, height: 800 });
		await page.goto(url('site', '/recaps/alpineconf-2021-recap/'));
		// Title and tools on one row, then every section, wrapped on two lines (issue 24, item 8).
		const header = await page.locator('header.site-header').boundingBox();
		expect(header!.height).toBeLessThanOrEqual(110);
		const sections = await page.getByRole('navigation', { name: 'Sections' }).boundingBox();
		expect(sections!.height).toBeLessThanOrEqual(50);
		const folded = page.locator('details.toc');
		expect(await folded.isVisible()).toBe(true);
		expect(await folded.getAttribute('open')).toBeNull();
		expect(await page.getByRole('navigation', { name: 'On this page' }).isVisible()).toBe(false);
		// "Talks covered" comes before "Edit this page", on screen too.
		const related = await page.getByRole('navigation', { name: 'Talks covered' }).boundingBox();
		const edit = await page.getByRole('link', { name: 'Edit this page' }).boundingBox();
		expect(related!.y).toBeLessThan(edit!.y);
	});
});

describe('reading on a laptop (item 7)', () => {
	it('lets the aside scroll on its own and marks the section being read', async () => {
		const page = await chromium.readingPage({ width: 1280, height: 768 });
		await page.goto(url('site', '/recaps/alpineconf-2021-recap/'));
		const aside = page.locator('aside.entry-aside');
		// Once the header has scrolled away, the aside sticks and fits the screen.
		await page.evaluate(() => window.scrollTo(0, 400));
		const box = await aside.boundingBox();
		expect(box!.y + box!.height).toBeLessThanOrEqual(768);
		const sizes = await aside.evaluate((element) => ({
			scroll: element.scrollHeight,
			client: element.clientHeight,
		}));
		expect(sizes.scroll).toBeGreaterThan(sizes.client);
		// Its last link can be reached by scrolling the aside.
		await aside.evaluate((element) => element.scrollTo(0, element.scrollHeight));
		const last = await aside.locator('a').last().boundingBox();
		expect(last!.y + last!.height).toBeLessThanOrEqual(768);

		const toc = page.getByRole('navigation', { name: 'On this page' });
		const links = await toc
			.locator('a')
			.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).hash));
		const target = links[Math.floor(links.length / 2)]!;
		await page.locator(target).evaluate((heading) => heading.scrollIntoView());
		await expect
			.poll(() =>
				toc
					.locator('a[aria-current="true"]')
					.evaluate((anchor) => (anchor as HTMLAnchorElement).hash),
			)
			.toBe(target);
	});
});

describe('code in dark mode (item 9)', () => {
	it('gives every token, comments included, at least 4.5:1 contrast', async () => {
		const context = await chromium.newContext({ colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(url('programme', '/notes/long-lines/'));
		const ratios = await page
			.locator('pre.astro-code')
			.first()
			.evaluate((pre) => {
				const rgb = (value: string) =>
					value
						.match(/\d+(\.\d+)?/g)!
						.slice(0, 3)
						.map(Number);
				const luminance = (value: string) => {
					const [r, g, b] = rgb(value).map((channel) => {
						const c = channel / 255;
						return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
					});
					return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
				};
				const background = luminance(getComputedStyle(pre).backgroundColor);
				return [...pre.querySelectorAll('span')]
					.filter((span) => span.children.length === 0 && span.textContent?.trim())
					.map((span) => {
						const foreground = luminance(getComputedStyle(span).color);
						const [light, dark] = [
							Math.max(foreground, background),
							Math.min(foreground, background),
						];
						return { text: span.textContent, ratio: (light + 0.05) / (dark + 0.05) };
					});
			});
		expect(ratios.find((token) => token.text?.startsWith('#'))).toBeDefined();
		expect(ratios.filter((token) => token.ratio < 4.5)).toEqual([]);
		await context.close();
	});
});

describe('search reads like the pages (item 4)', () => {
	const results = (page: import('playwright-core').Page) =>
		page
			.locator('pagefind-results a.pf-result-link')
			.evaluateAll((links) =>
				links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
			);

	it('finds a person by handle', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/search/?q=ncopa'));
		await expect.poll(async () => (await results(page))[0]).toBe('/people/natanael-copa/');
	});

	it('writes dates out and starts excerpts with words, not tags or footnote numbers', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/search/?q=postmarketos'));
		await expect.poll(async () => (await results(page)).length).toBeGreaterThan(1);
		const facts = await page.locator('.search-result-facts').allTextContents();
		expect(facts.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		expect(facts.join('\n')).toMatch(
			/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
		);
		const excerpts = await page.locator('.pf-result-excerpt').allTextContents();
		for (const excerpt of excerpts) expect(excerpt).not.toMatch(/^\s*#|#\w+\.|↩|\[\d+\]|^\d+\s/);
	});

	it('suggests the word that matches for a typo, and the tags when nothing is close', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/search/?q=podmna'));
		const suggestion = page.locator('[data-search-suggestion]:visible');
		await expect.poll(() => suggestion.textContent()).toBe('Did you mean podman?');
		await suggestion.getByRole('link', { name: 'podman' }).click();
		// The topic's page leads for its own name (docs/topics.md), its talks after it.
		await expect.poll(async () => (await results(page))[0]).toBe('/topics/podman/');
		await expect
			.poll(() => page.locator('[data-search-page] [data-search-suggestion]').isHidden())
			.toBe(true);

		await page.goto(url('site', '/search/?q=bgp'));
		await expect
			.poll(() => page.locator('[data-search-suggestion]:visible').textContent())
			.toMatch(/Nothing in the hub matches “bgp”\. Try a broader word, or browse the tags\./);
		expect(await page.getByRole('link', { name: 'browse the tags' }).getAttribute('href')).toBe(
			'/tags/',
		);
	});

	it('searches 50 ms after typing stops, not 300', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/'));
		for (const input of await page.locator('pagefind-input').all())
			expect(await input.getAttribute('debounce')).toBe('50');
	});
});

describe('accessibility of the new pages, in both themes', () => {
	const pages = [
		'/events/gridconf-2025/',
		'/events/gridconf-2025/grid/',
		'/events/gridconf-2025/track/embedded/',
		'/talks/opening-keynote/',
		'/recaps/untimed-meetup-2025-recap/',
		'/missing-recordings/',
		'/my-schedule/',
		'/404.html',
	];
	it(
		'has no axe violations on the schedule, grid, filter, talk, recap, my-schedule and 404 pages',
		{ timeout: 600_000 },
		async () => {
			// Its own page: it stars a talk, which the page keeps.
			const page = await chromium.newPage();
			const violations: string[] = [];
			for (const path of pages) {
				await page.goto(url('programme', path));
				// My schedule with something in it, and a starred row on the schedule.
				if (path === '/events/gridconf-2025/')
					await page.getByRole('button', { name: 'My schedule: Closing talk' }).click();
				for (const { colorScheme, violation } of await auditBothThemes(page))
					violations.push(`${path} (${colorScheme}): ${describeViolation(violation)}`);
			}
			expect(violations).toEqual([]);
		},
	);
});
