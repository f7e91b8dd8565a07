import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import type { Problem } from '#lib/validation/problem.ts';
import { listHtmlFiles } from '#tools/site-files.ts';

/**
 * html-validate's recommended rules, minus those about how Astro writes markup rather than
 * whether the page is valid: it emits `<br>`-style void elements and minified attribute order.
 */
export const htmlValidateConfig: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		'void-style': 'off',
		'no-trailing-whitespace': 'off',
		'attribute-boolean-style': 'off',
		'attribute-empty-style': 'off',
		// Astro inlines small scripts and styles; they are hashed by the CSP, not forbidden.
		'no-inline-style': 'off',
		'require-sri': 'off',
		// An SEO length limit, not validity: talk titles are the speakers' own and stay whole.
		'long-title': 'off',
		// Naming a list (`<ul aria-label="Tags">`) is valid ARIA that screen readers announce.
		'aria-label-misuse': ['error', { allowAnyNamable: true }],
	},
};

/** Validates every built page and reports each message at its line and column. */
export async function checkHtmlValidity(
	dist: string,
	label = (file: string) => `dist/${file}`,
): Promise<Problem[]> {
	const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
	const problems: Problem[] = [];
	for (const file of await listHtmlFiles(dist)) {
		const report = await validator.validateString(
			await readFile(path.join(dist, file), 'utf8'),
			file,
		);
		for (const message of report.results.flatMap((result) => result.messages)) {
			problems.push({
				file: label(file),
				line: message.line,
				column: message.column,
				message: `${message.message} (${message.ruleId})`,
				...(message.ruleUrl ? { hint: message.ruleUrl } : {}),
			});
		}
	}
	return problems;
}
