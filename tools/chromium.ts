import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the background services off: this machine has no
 * network, and Chromium's own connections would otherwise be refused many times a start.
 */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions());
}

/** How `launchChromium` starts Chromium, for a Playwright browser server started the same way. */
export function chromiumLaunchOptions(): LaunchOptions {
	return {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	};
}
