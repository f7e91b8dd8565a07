import { describe, expect, it } from 'vitest';
import { urlPathOf } from '#lib/view/urls.ts';
import { useSiteInChromium } from '../helpers/chromium';
import { privacySample } from '../helpers/privacy-sample';
import { violationsOn, watchForeignRequests } from '../helpers/privacy-watch';

// Every page of the basic, programme and real sites is crawled for the same in every-page.test.ts.
describe('privacy of the offline fixture site in Chromium', () => {
	const server = useSiteInChromium('offline');

	it('makes no request to another origin and breaks no CSP rule on any kind of page', async () => {
		// One page of each privacy signature (type, policy, scripts, foreign origins): the other
		// pages of a signature load the same things under the same policy.
		const pages = (await privacySample(server.dist)).map((file) => urlPathOf(file));
		expect(pages.length).toBeGreaterThan(15);
		const context = await server.newContext();
		const foreign = await watchForeignRequests(context, server.url);
		const violations: string[] = [];
		// A few tabs at once.
		const queue = [...pages];
		const crawl = async () => {
			const page = await context.newPage();
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				await page.goto(`${server.url}${path}`);
				expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(
					1,
				);
				violations.push(...(await violationsOn(page)).map((violation) => `${path}: ${violation}`));
			}
		};
		await Promise.all([crawl(), crawl(), crawl()]);
		expect(foreign).toEqual([]);
		expect(violations).toEqual([]);
		await context.close();
	}, 300_000);
});

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
