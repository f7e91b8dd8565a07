import { text } from 'node:stream/consumers';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteInChromium } from '../helpers/chromium';

describe('an event’s schedule in Chromium', () => {
	const server = useSiteInChromium('programme');

	const visibleTitles = (page: Page) =>
		page
			.locator('[data-slot]:visible a.talk-link')
			.evaluateAll((links) => links.map((link) => link.textContent?.trim()));

	it('filters by track at once with JavaScript, with an address of its own and Back to undo', async () => {
		const page = await server.newPage();
		await page.goto(`${server.url}/events/gridconf-2025/`);
		const requests: string[] = [];
		page.on('request', (request) => request.isNavigationRequest() && requests.push(request.url()));
		await page
			.getByRole('navigation', { name: 'Filter the schedule' })
			.getByRole('link', { name: 'Embedded' })
			.click();
		await expect
			.poll(() => visibleTitles(page))
			.toEqual(['Boot time tuning', 'Containers at the edge']);
		expect(new URL(page.url()).pathname).toBe('/events/gridconf-2025/track/embedded/');
		expect(requests).toEqual([]);
		// The Sunday heading goes with its talks.
		expect(await page.locator('#day-2025-06-15').isVisible()).toBe(false);
		await page.goBack();
		await expect.poll(() => visibleTitles(page)).toHaveLength(8);
		await page.close();
	});

	it('filters by room through plain links without JavaScript', async () => {
		const context = await server.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${server.url}/events/gridconf-2025/`);
		expect(await page.locator('[data-now-next]').isVisible()).toBe(false);
		expect(await page.locator('button[data-star]').first().isVisible()).toBe(false);
		await page
			.getByRole('navigation', { name: 'Filter the schedule' })
			.getByRole('link', { name: 'H.1302' })
			.click();
		await expect.poll(() => page.url()).toBe(`${server.url}/events/gridconf-2025/room/h1302/`);
		expect(await visibleTitles(page)).toEqual([
			'Zebra packaging',
			'Apk internals',
			'Morning lightning',
		]);
		await context.close();
	});

	it('shows now and next from the reader’s clock during the event, and nothing outside it', async () => {
		const context = await server.newContext({ timezoneId: 'Europe/Brussels' });
		const page = await context.newPage();
		await page.clock.setFixedTime(new Date('2025-06-14T10:05:00+02:00'));
		await page.goto(`${server.url}/events/gridconf-2025/`);
		const box = page.getByRole('region', { name: 'Now and next' });
		await expect.poll(() => box.isVisible()).toBe(true);
		const list = (heading: string) =>
			box
				.locator(`h3:text-is("${heading}") + ul a`)
				.evaluateAll((links) => links.map((link) => link.textContent?.trim()));
		expect(await list('Now')).toEqual(['Apk internals', 'Boot time tuning']);
		expect(await list('Next')).toEqual(['Containers at the edge']);

		const later = await context.newPage();
		await later.clock.setFixedTime(new Date('2025-07-01T10:00:00+02:00'));
		await later.goto(`${server.url}/events/gridconf-2025/`);
		expect(await later.locator('[data-now-next]').isHidden()).toBe(true);
		await context.close();
	});

	it('keeps starred talks in My schedule on this device and downloads them as one calendar', async () => {
		const context = await server.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${server.url}/events/gridconf-2025/`);
		const star = (title: string) => page.getByRole('button', { name: `My schedule: ${title}` });
		await star('Closing talk').click();
		await star('Boot time tuning').click();
		expect(await star('Closing talk').getAttribute('aria-pressed')).toBe('true');
		await page.reload();
		expect(await star('Boot time tuning').getAttribute('aria-pressed')).toBe('true');

		await page.getByRole('link', { name: 'My schedule' }).click();
		const items = page.locator('[data-list] li > a');
		await expect.poll(() => items.allTextContents()).toEqual(['Boot time tuning', 'Closing talk']);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download as .ics' }).click();
		// Read from its stream: the test's Chromium is a remote one (tests/helpers/chromium.ts).
		const calendar = new ICAL.Component(
			ICAL.parse(await text(await (await download).createReadStream())),
		);
		for (const zone of calendar.getAllSubcomponents('vtimezone'))
			ICAL.TimezoneService.register(zone);
		const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
		expect(
			events.map((event) => [event.summary, event.startDate.toJSDate().toISOString()]),
		).toEqual([
			['Boot time tuning', '2025-06-14T08:00:00.000Z'],
			['Closing talk', '2025-06-15T14:00:00.000Z'],
		]);

		await page.getByRole('button', { name: 'Remove “Closing talk”' }).click();
		await expect.poll(() => items.allTextContents()).toEqual(['Boot time tuning']);
		await context.close();
	});

	it('keeps the room × time grid usable on a phone: the grid scrolls, the page does not', async () => {
		const page = await server.readingPage({ width: 390, height: 800 });
		await page.goto(`${server.url}/events/gridconf-2025/grid/`);
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			),
		).toBeLessThanOrEqual(0);
		const region = page.getByRole('region', {
			name: 'Saturday, 14 June 2025: talks by room and time',
		});
		expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(
			true,
		);
		// Times stay in view while the rooms scroll past.
		await region.evaluate((element) => element.scrollBy(400, 0));
		const time = region.locator('tbody th').first();
		const box = await time.boundingBox();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x).toBeLessThan(40);
	});
});
