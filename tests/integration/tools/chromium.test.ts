import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '#tools/chromium.ts';

describe('launchChromium', () => {
	afterEach(() => vi.unstubAllEnvs());

	it("starts Debian's Chromium headless, able to render a page", async () => {
		const browser = await launchChromium();
		try {
			const page = await browser.newPage();
			await page.setContent('<h1>Edelweiss</h1>');
			expect(await page.locator('h1').textContent()).toBe('Edelweiss');
			expect(browser.version()).toMatch(/^\d+\./);
		} finally {
			await browser.close();
		}
	});

	it('starts the browser CHROMIUM_PATH names, and says so when it is not there', async () => {
		vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chrome');
		await expect(launchChromium()).rejects.toThrow('/nonexistent/chrome');
	});
});
