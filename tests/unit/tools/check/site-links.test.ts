import { describe, expect, it } from 'vitest';
import { checkSiteLinks } from '#tools/check/site-links.ts';
import { formatProblem } from '#lib/validation/problem.ts';
import { page, scratchSite } from '../../../helpers/scratch-site';

describe('checkSiteLinks', async () => {
	const dist = await scratchSite({
		'index.html': page(
			'<main><h1 id="top">Home</h1>\n<a href="/talks/a/">a</a>\n<a href="/talks/missing/">missing</a>\n<a href="/talks/a/#no-such-heading">anchor</a>\n<a href="/talks/a/#summary">ok</a>\n<img src="/images/gone.png" alt="gone">\n<a href="https://example.org/elsewhere/">external</a>\n<a href="#top">top</a></main>',
		),
		'talks/a/index.html': page('<main><h1 id="summary">A</h1></main>'),
		'404.html': page('<main><h1>Not found</h1></main>'),
	});

	it('reports missing pages, missing anchors and missing assets at their line, and nothing else', async () => {
		expect((await checkSiteLinks(dist)).map(formatProblem)).toEqual([
			'dist/index.html:7:1 href="/talks/missing/" points at nothing: /talks/missing/ is not in the built site',
			'dist/index.html:8:1 href="/talks/a/#no-such-heading" points at a missing heading or anchor "#no-such-heading" on /talks/a/',
			'dist/index.html:10:1 src="/images/gone.png" points at nothing: /images/gone.png is not in the built site',
		]);
	});

	it('names pages as the caller labels them', async () => {
		const problems = await checkSiteLinks(dist, (file) => `tests/.output/site/${file}`);
		expect(problems.every((problem) => problem.file === 'tests/.output/site/index.html')).toBe(
			true,
		);
	});
});
