import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteInChromium } from '../helpers/chromium';

describe('reading the site in Chromium', () => {
	const server = useSiteInChromium('basic');
	let page: Page;

	beforeAll(async () => {
		page = await server.newPage();
	});

	it('follows navigation from home to a talk and on to its speaker', async () => {
		await page.goto(`${server.url}/`);
		await page
			.getByRole('navigation', { name: 'Sections' })
			.getByRole('link', { name: 'Talks' })
			.click();
		await expect.poll(() => page.url()).toBe(`${server.url}/talks/`);
		await page.getByRole('link', { name: 'Packaging with apk' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('Packaging with apk');
		await page.locator('.facts').getByRole('link', { name: 'Grace Hopper' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('Grace Hopper');
	});

	it('reaches the main content with the skip link from the keyboard', async () => {
		await page.goto(`${server.url}/talks/`);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => location.hash)).toBe('#main');
	});

	it('switches to dark, remembers it across pages, and goes back to following the system', async () => {
		const context = await server.newContext({ colorScheme: 'light' });
		const themed = await context.newPage();
		await themed.goto(`${server.url}/`);
		const background = () =>
			themed.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		const light = await background();
		const theme = themed.getByRole('combobox', { name: 'Theme' });
		expect(await theme.inputValue()).toBe('auto');
		await theme.selectOption('dark');
		expect(await themed.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await background()).not.toBe(light);
		await themed.goto(`${server.url}/people/`);
		expect(await themed.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await theme.inputValue()).toBe('dark');
		await theme.selectOption('auto');
		expect(await background()).toBe(light);
		await themed.reload();
		expect(await themed.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
		expect(await theme.inputValue()).toBe('auto');
		await context.close();
	});

	it('follows the system preference when the reader has not chosen', async () => {
		const context = await server.newContext({ colorScheme: 'dark' });
		const fresh = await context.newPage();
		await fresh.goto(`${server.url}/`);
		expect(await fresh.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('auto');
		// The dark background, #14171c.
		expect(
			await fresh.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
		).toBe('rgb(20, 23, 28)');
		await context.close();
	});

	it('colours highlighted code in both themes without inline styles', async () => {
		const hex = (colour: string) =>
			`#${colour
				.match(/\d+/g)!
				.map((value) => Number(value).toString(16).padStart(2, '0'))
				.join('')}`;
		for (const scheme of ['light', 'dark'] as const) {
			const context = await server.newContext({ colorScheme: scheme });
			const reader = await context.newPage();
			await reader.goto(`${server.url}/recaps/democonf-2024-recap/`);
			const token = reader.locator('pre.astro-code span[class*="shiki-light-"]').first();
			const expected = new RegExp(`\\bshiki-${scheme}-([0-9a-f]{6})\\b`).exec(
				(await token.getAttribute('class'))!,
			)![1];
			expect(hex(await token.evaluate((span) => getComputedStyle(span).color))).toBe(
				`#${expected}`,
			);
			expect(await reader.locator('[style]').count()).toBe(0);
			await context.close();
		}
	});
});
