import { describe, expect, it } from 'vitest';
import { useSiteInChromium } from '../helpers/chromium';
import { violationsOn, watchForeignRequests } from '../helpers/privacy-watch';

// Every page of the real, basic, programme and offline sites is crawled for foreign requests and
// CSP violations in every-page.test.ts; here, what a reader's click changes.
describe('click-to-load players', () => {
	const server = useSiteInChromium('offline');

	it('request nothing from the provider until the reader asks, then load its player', async () => {
		const context = await server.newContext();
		const foreign = await watchForeignRequests(context, server.url);
		// Stands in for the provider: this machine has no network.
		await context.route('https://www.youtube-nocookie.com/**', (route) =>
			route.fulfill({ contentType: 'text/html', body: '<p>The YouTube player</p>' }),
		);
		const page = await context.newPage();
		await page.goto(`${server.url}/talks/mirrors-everywhere/`, { waitUntil: 'networkidle' });
		expect(await page.locator('iframe').count()).toBe(0);
		const watchLink = page.getByRole('link', { name: 'Watch on YouTube' });
		expect(await watchLink.getAttribute('href')).toBe(
			'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
		);
		expect(await watchLink.getAttribute('rel')).toBe('noopener noreferrer');
		await page.waitForTimeout(500);
		expect(foreign).toEqual([]);

		await page.getByRole('button', { name: 'Load the YouTube player' }).click();
		const player = page.frameLocator('iframe[title="Recording of Mirrors everywhere (YouTube)"]');
		await expect.poll(() => player.locator('p').textContent()).toBe('The YouTube player');
		expect(foreign).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1']);
		// The PeerTube player on the same page stays unloaded.
		expect(await page.getByRole('button', { name: 'Load the PeerTube player' }).isVisible()).toBe(
			true,
		);
		expect(await violationsOn(page)).toEqual([]);
		await context.close();
	});
});
