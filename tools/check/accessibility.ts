import AxeBuilder from '@axe-core/playwright';
import type { Problem } from '#lib/validation/problem.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { listHtmlFiles } from '#tools/site-files.ts';
import { samplePageTypes } from './built-pages';
import { launchChromium } from '#tools/chromium.ts';
import { serveStatic } from '#tools/static-server.ts';

/** The rules every page is held to: WCAG 2.2 A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe (WCAG 2.2 A and AA plus best practices) in real Chromium on one page of every page
 * type, in the light theme and (for contrast) the dark one, and reports each violation with the elements it found.
 */
export async function checkAccessibility(
	dist: string,
	label = (file: string) => `dist/${file}`,
): Promise<Problem[]> {
	const pages = samplePageTypes(await listHtmlFiles(dist));
	const server = await serveStatic(dist);
	const browser = await launchChromium();
	const problems: Problem[] = [];
	try {
		for (const colorScheme of ['light', 'dark'] as const) {
			// The service worker would precache the whole site in the background meanwhile: axe checks pages, not it.
			const context = await browser.newContext({ colorScheme, serviceWorkers: 'block' });
			const page = await context.newPage();
			for (const file of pages) {
				await page.goto(`${server.url}${urlPathOf(file)}`);
				const axe = new AxeBuilder({ page });
				// The theme changes colours only: the dark pass checks contrast, the light pass everything.
				const results = await (
					colorScheme === 'light' ? axe.withTags(axeTags) : axe.withRules(['color-contrast'])
				).analyze();
				for (const violation of results.violations) {
					const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
					problems.push({
						file: label(file),
						message: `${violation.help} (axe ${violation.id}, ${colorScheme} theme) at ${targets.join(', ')}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''}`,
						hint: violation.helpUrl,
					});
				}
			}
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return problems;
}
