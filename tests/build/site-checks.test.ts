import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePageTypes } from '../../src/lib/check/built-pages';
import { checkHtmlValidity } from '../../src/lib/check/html-validity';
import { checkSiteLinks } from '../../src/lib/check/site-links';
import { formatProblem } from '../../src/lib/validation/problem';
import { builtSite } from '../helpers/sites';

const page = (body: string) => `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Page</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

/** A small built site with one of each broken thing. */
let dist: string;
beforeAll(async () => {
	dist = await mkdtemp(path.join(tmpdir(), 'edelweiss-site-'));
	const files: Record<string, string> = {
		'index.html': page('<main><h1 id="top">Home</h1>\n<a href="/talks/a/">a</a>\n<a href="/talks/missing/">missing</a>\n<a href="/talks/a/#no-such-heading">anchor</a>\n<a href="/talks/a/#summary">ok</a>\n<img src="/images/gone.png" alt="gone">\n<a href="https://example.org/elsewhere/">external</a>\n<a href="#top">top</a></main>'),
		'talks/a/index.html': page('<main><h1 id="summary">A</h1><p><div>nested wrongly</div></p></main>'),
		'404.html': page('<main><h1>Not found</h1></main>'),
	};
	for (const [file, html] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
		await writeFile(path.join(dist, file), html);
	}
});

describe('checkSiteLinks', () => {
	it('reports missing pages, missing anchors and missing assets at their line, and nothing else', async () => {
		const problems = (await checkSiteLinks(dist)).map(formatProblem);
		expect(problems).toEqual([
			'dist/index.html:7:1 href="/talks/missing/" points at nothing: /talks/missing/ is not in the built site',
			'dist/index.html:8:1 href="/talks/a/#no-such-heading" points at a missing heading or anchor "#no-such-heading" on /talks/a/',
			'dist/index.html:10:1 src="/images/gone.png" points at nothing: /images/gone.png is not in the built site',
		]);
	});

	it('finds nothing broken in the basic fixture site or the real hub', async () => {
		expect(await checkSiteLinks((await builtSite('basic')).dist)).toEqual([]);
		expect(await checkSiteLinks((await builtSite('site')).dist)).toEqual([]);
	});
});

describe('checkHtmlValidity', () => {
	it('reports invalid markup with its line and the html-validate rule', async () => {
		const problems = await checkHtmlValidity(dist);
		const nesting = problems.find((problem) => problem.file === 'dist/talks/a/index.html' && problem.message.includes('<div>'));
		expect(nesting, JSON.stringify(problems)).toMatchObject({ line: 5 });
		expect(nesting!.hint).toMatch(/^https:\/\/html-validate\.org\/rules\//);
	});

	it('finds every page of the basic fixture site and of the real hub valid', async () => {
		expect(await checkHtmlValidity((await builtSite('basic')).dist)).toEqual([]);
		expect(await checkHtmlValidity((await builtSite('site')).dist)).toEqual([]);
	});
});

describe('samplePageTypes', () => {
	it('keeps the top-level pages and the first page of each section', () => {
		expect(samplePageTypes(['404.html', 'index.html', 'talks/a/index.html', 'talks/b/index.html', 'talks/index.html', 'tags/x/index.html'])).toEqual([
			'404.html',
			'index.html',
			'talks/a/index.html',
			'talks/index.html',
			'tags/x/index.html',
		]);
	});
	it('samples each deeper route of a section once', () => {
		expect(
			samplePageTypes(['events/a/index.html', 'events/a/grid/index.html', 'events/b/grid/index.html', 'events/a/track/x/index.html', 'events/a/room/y/index.html']),
		).toEqual(['events/a/index.html', 'events/a/grid/index.html', 'events/a/track/x/index.html']);
	});
});
