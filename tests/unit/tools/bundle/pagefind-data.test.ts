import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diskFragment, diskPageUrl, pagefindDataScript } from '#tools/bundle/pagefind-data.ts';

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
		const fragment = {
			url: '/talks/x/',
			content: 'Talk',
			meta: { title: 'X' },
			sub_results: [{ title: 'Rec', url: '/talks/x/#rec' }],
		};
		const rewritten = diskFragment(
			gzipSync(`pagefind_dcd${JSON.stringify(fragment)}`),
			'en_1.pf_fragment',
		);
		expect(JSON.parse(gunzipSync(rewritten).toString().slice('pagefind_dcd'.length))).toEqual({
			...fragment,
			url: '/talks/x/index.html',
			sub_results: [{ title: 'Rec', url: '/talks/x/index.html#rec' }],
		});
	});

	it('refuses a file that is not a fragment, naming it', () => {
		expect(() => diskFragment(gzipSync('{"url":"/"}'), 'en_2.pf_fragment')).toThrow(
			'en_2.pf_fragment is not a Pagefind fragment',
		);
	});
});

describe('pagefindDataScript', () => {
	it('inlines files as base64 by name', () => {
		const script = pagefindDataScript(
			new Map([['index/en_1.pf_index', new Uint8Array([1, 2, 3])]]),
		);
		const scope: { edelweissPagefindFiles?: Record<string, string> } = {};
		new Function('self', script)(scope);
		expect(scope.edelweissPagefindFiles).toEqual({ 'index/en_1.pf_index': 'AQID' });
	});
});
