import { describe, expect, it } from 'vitest';
import { checkHtmlValidity } from '#tools/check/html-validity.ts';
import { page, scratchSite } from '../../../helpers/scratch-site';

describe('checkHtmlValidity', async () => {
	const dist = await scratchSite({
		'index.html': page('<main><h1>Home</h1><ul aria-label="Tags"><li>apk</li></ul></main>'),
		'talks/a/index.html': page(
			'<main><h1 id="summary">A</h1><p><div>nested wrongly</div></p></main>',
		),
	});

	it('reports invalid markup with its line and the html-validate rule, and passes valid pages', async () => {
		const problems = await checkHtmlValidity(dist);
		const nesting = problems.find(
			(problem) => problem.file === 'dist/talks/a/index.html' && problem.message.includes('<div>'),
		);
		expect(nesting, JSON.stringify(problems)).toMatchObject({ line: 5 });
		expect(nesting!.hint).toMatch(/^https:\/\/html-validate\.org\/rules\//);
		expect(problems.filter((problem) => problem.file === 'dist/index.html')).toEqual([]);
	});
});
