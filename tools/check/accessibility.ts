import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import type { Problem } from '#lib/validation/problem.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { listHtmlFiles } from '#tools/site-files.ts';
import { samplePageTypes } from './built-pages';
import { launchChromium } from '#tools/chromium.ts';
import { serveStatic } from '#tools/static-server.ts';

/** The rules every page is held to: WCAG 2.2 A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's browser script, read once. */
let axeSource: string | undefined;

/**
 * axe's violations on the page as it is now, of the rules `runOnly` names (all of `axeTags`
 * unless told). axe-core is put into the page by DevTools, past its Content Security Policy,
 * and run there directly: `@axe-core/playwright` opens a second page for every analysis, which
 * made the site's checks three times slower.
 */
export async function axeViolations(
	page: Page,
	runOnly: RunOptions['runOnly'] = { type: 'tag', values: axeTags },
): Promise<Result[]> {
	axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	const loaded = await page.evaluate(
		() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function',
	);
	if (!loaded) await page.evaluate(axeSource);
	// Only the violations, collected and sent back: axe's passes and inapplicable rules were most
	// of the result, and of its cost in the page and over the DevTools connection.
	return page.evaluate(
		async (options) =>
			(
				await (
					window as unknown as { axe: { run(options: RunOptions): Promise<AxeResults> } }
				).axe.run(options)
			).violations,
		{ runOnly, resultTypes: ['violations'] } satisfies RunOptions,
	);
}

export type ColorScheme = 'light' | 'dark';

export interface ThemedViolation {
	colorScheme: ColorScheme;
	violation: Result;
}

/**
 * Audits the page as it is now in both themes: every rule in the light one, colour contrast in
 * the dark one (the theme changes colours only). Leaves the page light.
 */
export async function auditBothThemes(page: Page): Promise<ThemedViolation[]> {
	const found: ThemedViolation[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const violations = await axeViolations(
			page,
			colorScheme === 'light' ? undefined : { type: 'rule', values: ['color-contrast'] },
		);
		found.push(...violations.map((violation) => ({ colorScheme, violation })));
	}
	await page.emulateMedia({ colorScheme: 'light' });
	return found;
}

/** `color-contrast at main > p, .card`: a violation and the elements it was found on, for a test's message. */
export const describeViolation = ({ id, nodes }: Result) =>
	`${id} at ${nodes.map((node) => node.target.join(' ')).join(', ')}`;

/**
 * Runs axe (WCAG 2.2 A and AA plus best practices) in real Chromium on one page of every page
 * type, in the light theme and (for contrast) the dark one, and reports each violation with the
 * elements it found.
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
		// The service worker would precache the whole site in the background meanwhile: axe checks pages, not it.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		for (const file of pages) {
			await page.goto(`${server.url}${urlPathOf(file)}`);
			for (const { colorScheme, violation } of await auditBothThemes(page)) {
				const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
				problems.push({
					file: label(file),
					message: `${violation.help} (axe ${violation.id}, ${colorScheme} theme) at ${targets.join(', ')}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''}`,
					hint: violation.helpUrl,
				});
			}
		}
		await context.close();
	} finally {
		await browser.close();
		await server.close();
	}
	return problems;
}
