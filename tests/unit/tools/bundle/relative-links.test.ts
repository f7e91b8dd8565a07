import { describe, expect, it } from 'vitest';
import { relativeCss, relativeHtml, relativeUrl } from '#tools/bundle/relative-links.ts';

describe('relativeUrl', () => {
	it.each([
		['index.html', '/', 'index.html'],
		['index.html', '/talks/', 'talks/index.html'],
		['talks/x/index.html', '/', '../../index.html'],
		['talks/x/index.html', '/talks/', '../index.html'],
		['talks/x/index.html', '/talks/x/', 'index.html'],
		['talks/x/index.html', '/people/ada/#talks', '../../people/ada/index.html#talks'],
		['talks/x/index.html', '/_astro/site.css', '../../_astro/site.css'],
		['talks/x/index.html', '/search/?q=apk', '../../search/index.html?q=apk'],
		['_astro/site.css', '/_astro/font.woff2', 'font.woff2'],
		['404.html', '/rss.xml', 'rss.xml'],
	])('from %s, %s is %s', (from, url, expected) => {
		expect(relativeUrl(from, url)).toBe(expected);
	});

	it('leaves other URLs alone', () => {
		for (const url of [
			'https://example.org/',
			'//cdn.example.org/x.js',
			'#main',
			'x/',
			'mailto:a@example.org',
		]) {
			expect(relativeUrl('talks/x/index.html', url)).toBe(url);
		}
	});

	it('strips the site’s base path', () => {
		expect(relativeUrl('talks/x/index.html', '/hub/people/', '/hub/')).toBe(
			'../../people/index.html',
		);
	});
});

describe('relativeHtml', () => {
	it('rewrites links, sources, srcsets and data paths, and nothing else', () => {
		const html = [
			'<a href="/talks/">Talks</a>',
			"<link rel='stylesheet' href='/_astro/a.css'>",
			'<img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x">',
			'<section data-list="/offline.json">',
			'<a href="https://example.org/x/">out</a>',
			'<p>Type /talks/ here</p>',
			'<meta property="og:url" content="https://hub.example.org/talks/">',
		].join('');
		expect(relativeHtml(html, 'events/y/index.html')).toBe(
			[
				'<a href="../../talks/index.html">Talks</a>',
				"<link rel='stylesheet' href='../../_astro/a.css'>",
				'<img src="../../img/a.png" srcset="../../img/a.png 1x, ../../img/a@2x.png 2x">',
				'<section data-list="../../offline.json">',
				'<a href="https://example.org/x/">out</a>',
				'<p>Type /talks/ here</p>',
				'<meta property="og:url" content="https://hub.example.org/talks/">',
			].join(''),
		);
	});
});

describe('relativeCss', () => {
	it('rewrites root-relative url() values', () => {
		expect(
			relativeCss(
				'a{background:url(/img/a.svg)}b{src:url("/_astro/f.woff2")}c{x:url(data:x)}',
				'_astro/site.css',
			),
		).toBe('a{background:url(../img/a.svg)}b{src:url("f.woff2")}c{x:url(data:x)}');
	});
});
