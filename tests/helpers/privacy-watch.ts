import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records every request leaving the site's origin, from the first byte of every page of the
 * context, and lets each page collect its CSP violations (`violationsOn`). The list fills as
 * pages load.
 */
export async function watchForeignRequests(
	context: BrowserContext,
	origin: string,
): Promise<string[]> {
	const foreign: string[] = [];
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
			foreign.push(request.url());
	});
	await context.addInitScript(() => {
		const violations: string[] = [];
		Object.assign(window, { cspViolations: violations });
		document.addEventListener('securitypolicyviolation', (event) =>
			violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`),
		);
	});
	return foreign;
}

/** The CSP violations of the page so far, in a context watched by `watchForeignRequests`. */
export const violationsOn = (page: Page): Promise<string[]> =>
	page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
