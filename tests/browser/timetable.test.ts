import { describe, expect, it } from 'vitest';
import { useSiteInChromium } from '../helpers/chromium';

describe('the timetable’s time zone switch', () => {
	const server = useSiteInChromium('basic');

	it('shows times in the reader’s zone on request, and back', async () => {
		const context = await server.newContext({ timezoneId: 'America/New_York' });
		const page = await context.newPage();
		await page.goto(`${server.url}/events/democonf-2024/`);
		const time = page.locator('time[data-zoned]').first();
		await expect.poll(() => time.textContent()).toBe('10:30–11:10');
		const button = page.getByRole('button', { name: 'Times in my time zone' });
		expect(await button.getAttribute('aria-pressed')).toBe('false');
		await button.click();
		// 10:30 in Brussels (UTC+1) is 04:30 in New York (UTC-5).
		await expect.poll(() => time.textContent()).toBe('04:30–05:10');
		expect(await page.locator('[data-zone-name]').textContent()).toBe('America/New_York');
		expect(await button.getAttribute('aria-pressed')).toBe('true');
		await button.click();
		await expect.poll(() => time.textContent()).toBe('10:30–11:10');
		expect(await page.locator('[data-zone-name]').textContent()).toBe('Europe/Brussels');
		await context.close();
	});

	it('names the day when a talk falls on another date in the reader’s zone', async () => {
		const context = await server.newContext({ timezoneId: 'Pacific/Honolulu' });
		const page = await context.newPage();
		await page.goto(`${server.url}/events/democonf-2024/`);
		await page.getByRole('button', { name: 'Times in my time zone' }).click();
		// Saturday 10:30 in Brussels (UTC+1) is Friday 23:30 in Honolulu (UTC-10).
		await expect
			.poll(() => page.locator('time[data-zoned]').first().textContent())
			.toBe('Fri 23:30–00:10');
		await context.close();
	});

	it('offers no switch when the reader is already in the event’s zone', async () => {
		const context = await server.newContext({ timezoneId: 'Europe/Brussels' });
		const page = await context.newPage();
		await page.goto(`${server.url}/events/democonf-2024/`);
		expect(await page.locator('[data-zone-toggle]').isHidden()).toBe(true);
		await context.close();
	});
});
