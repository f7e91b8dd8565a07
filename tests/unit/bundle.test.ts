import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { diskFragment, diskPageUrl, pagefindDataScript } from '../../src/lib/bundle/pagefind-data';
import { relativeCss, relativeHtml, relativeUrl } from '../../src/lib/bundle/relative-links';
import { componentUiForDisk } from '../../src/lib/bundle/write-bundle';

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
		for (const url of ['https://example.org/', '//cdn.example.org/x.js', '#main', 'x/', 'mailto:a@example.org']) {
			expect(relativeUrl('talks/x/index.html', url)).toBe(url);
		}
	});

	it('strips the site’s base path', () => {
		expect(relativeUrl('talks/x/index.html', '/hub/people/', '/hub/')).toBe('../../people/index.html');
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
		expect(relativeCss('a{background:url(/img/a.svg)}b{src:url("/_astro/f.woff2")}c{x:url(data:x)}', '_astro/site.css')).toBe(
			'a{background:url(../img/a.svg)}b{src:url("f.woff2")}c{x:url(data:x)}',
		);
	});
});

describe('diskPageUrl', () => {
	it('points directory URLs at their index.html, keeping anchors', () => {
		expect(diskPageUrl('/talks/x/')).toBe('/talks/x/index.html');
		expect(diskPageUrl('/talks/x/#recording')).toBe('/talks/x/index.html#recording');
		expect(diskPageUrl('/')).toBe('/index.html');
		expect(diskPageUrl('/rss.xml')).toBe('/rss.xml');
	});
});

describe('diskFragment', () => {
	it('rewrites page and sub-result URLs and keeps everything else', () => {
		const fragment = { url: '/talks/x/', content: 'Talk', meta: { title: 'X' }, sub_results: [{ title: 'Rec', url: '/talks/x/#rec' }] };
		const rewritten = diskFragment(gzipSync(`pagefind_dcd${JSON.stringify(fragment)}`), 'en_1.pf_fragment');
		expect(JSON.parse(gunzipSync(rewritten).toString().slice('pagefind_dcd'.length))).toEqual({
			...fragment,
			url: '/talks/x/index.html',
			sub_results: [{ title: 'Rec', url: '/talks/x/index.html#rec' }],
		});
	});

	it('refuses a file that is not a fragment, naming it', () => {
		expect(() => diskFragment(gzipSync('{"url":"/"}'), 'en_2.pf_fragment')).toThrow('en_2.pf_fragment is not a Pagefind fragment');
	});
});

describe('pagefindDataScript', () => {
	it('inlines files as base64 by name', () => {
		const script = pagefindDataScript(new Map([['index/en_1.pf_index', new Uint8Array([1, 2, 3])]]));
		const scope: { edelweissPagefindFiles?: Record<string, string> } = {};
		new Function('self', script)(scope);
		expect(scope.edelweissPagefindFiles).toEqual({ 'index/en_1.pf_index': 'AQID' });
	});
});

describe('componentUiForDisk', () => {
	it('points the Component UI’s one import of pagefind.js at the classic Pagefind', () => {
		const source = 'let s;try{s=await import(`${this.options.bundlePath}pagefind.js`)}catch(t){}';
		expect(componentUiForDisk(source).contents).toBe('let s;try{s=await self.edelweissPagefind}catch(t){}');
	});

	it('refuses a Component UI it does not recognise', () => {
		expect(() => componentUiForDisk('import("./pagefind.js")')).toThrow('pagefind-component-ui.js: expected one');
	});
});
