import { describe, expect, it } from 'vitest';
import { checkAccessibility } from '#tools/check/accessibility.ts';
import { scratchSite } from '../../../helpers/scratch-site';

describe('checkAccessibility', async () => {
	const dist = await scratchSite({
		'index.html':
			'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Axe</title></head><body><main><h1>Axe</h1>' +
			'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="photo">' +
			'<p style="color:#ccc;background:#fff">faint text</p>' +
			// Legible by day, faint by night: only the dark pass can see it.
			'<style>@media (prefers-color-scheme: dark) { .night { color: #333; background: #222 } }</style>' +
			'<p class="night">night text</p></main></body></html>',
	});

	it('reports axe violations in real Chromium, with the page, the rule and the elements', async () => {
		const problems = await checkAccessibility(dist);
		const messages = problems.map((problem) => `${problem.file}: ${problem.message}`);
		expect(messages).toContainEqual(
			expect.stringMatching(
				/^dist\/index\.html: Images must have alternative text \(axe image-alt, light theme\) at img$/,
			),
		);
		expect(messages).toContainEqual(expect.stringContaining('(axe color-contrast, light theme)'));
		expect(messages).toContainEqual(
			expect.stringMatching(/\(axe color-contrast, dark theme\) at .*\.night/),
		);
		expect(messages).not.toContainEqual(
			expect.stringMatching(/\(axe color-contrast, light theme\) at .*\.night/),
		);
		expect(
			problems.every((problem) =>
				problem.hint?.startsWith('https://dequeuniversity.com/rules/axe/'),
			),
		).toBe(true);
	});
});
