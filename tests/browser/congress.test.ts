import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolation } from '#tools/check/accessibility.ts';
import { useSiteInChromium } from '../helpers/chromium';

/** The `congress` site (six editions, hundreds of rooms: tests/helpers/congress-site.ts) on a phone, and checked by axe. */
describe('a congress with hundreds of rooms in Chromium', () => {
	const site = useSiteInChromium('congress');

	it('fits its series page and its largest programme in 390 × 844 and 320 px, charts included', async () => {
		const page = await site.readingPage({ width: 390, height: 844 });
		for (const path of ['/series/hack-congress/', '/events/hc2023/']) {
			for (const width of [390, 320]) {
				await page.setViewportSize({ width, height: 844 });
				await page.goto(`${site.url}${path}`);
				const { overflow, outside, tables } = await page.evaluate(() => ({
					overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
					// SVG text does not wrap: a label past the screen's edge would be cut off unseen.
					outside: [...document.querySelectorAll('svg text')]
						.filter(
							(label) => label.getBoundingClientRect().right > document.documentElement.clientWidth,
						)
						.map((label) => label.textContent),
					// On a 390 px phone the series page's tables fit too, none with a sideways scroll of its own.
					tables: [...document.querySelectorAll('main table')]
						.filter((table) => table.scrollWidth > table.clientWidth)
						.map((table) => table.id),
				}));
				expect(overflow, `${path} at ${width} px`).toBe(0);
				if (path.startsWith('/series/') && width === 390)
					expect(tables, `${path} at ${width} px`).toEqual([]);
				expect(outside, `${path} at ${width} px`).toEqual([]);
			}
		}
		await page.goto(`${site.url}/series/hack-congress/`);
		expect(await page.locator('svg[aria-labelledby^="talks-per-room"] rect').count()).toBe(12);
	});

	it('filters by a room from the folded room list at once', async () => {
		const page = await site.readingPage({ width: 390, height: 844 });
		await page.goto(`${site.url}/events/hc2023/`);
		await page.getByText('Views, exports and filters').click();
		await page.locator('details.filter-group > summary').click();
		await page.getByRole('link', { name: 'Saal 1', exact: true }).click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/events/hc2023/room/saal-1/');
		const shown = await page
			.locator('[data-slot]:visible')
			.evaluateAll((slots) => [
				...new Set(slots.map((slot) => (slot as HTMLElement).dataset.room)),
			]);
		expect(shown).toEqual(['saal-1']);
	});

	it('has no axe violations on the series page and on a programme with its rooms unfolded', async () => {
		// At a desktop's width, as the other pages' axe checks (tests/browser/reading.test.ts).
		const page = await site.readingPage();
		const violations: string[] = [];
		for (const path of [
			'/series/hack-congress/',
			'/events/hc2023/',
			'/events/hc2023/room/saal-1/',
		]) {
			await page.goto(`${site.url}${path}`);
			if (path === '/events/hc2023/') await page.locator('details.filter-group > summary').click();
			for (const violation of await axeViolations(page))
				violations.push(`${path}: ${describeViolation(violation)}`);
		}
		expect(violations).toEqual([]);
	});
});
