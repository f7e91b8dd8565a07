import { describe, expect, it } from 'vitest';
import { collectionNames } from '#lib/content/collections.ts';
import {
	collectionPath,
	editUrl,
	entryPath,
	programmeExportUrl,
	sections,
	tagPath,
	talkCalendarUrl,
	urlPathOf,
	withBase,
} from '#lib/view/urls.ts';

describe('withBase', () => {
	it('puts a site path under the base, with one slash between', () => {
		expect(withBase('/talks/', '/')).toBe('/talks/');
		expect(withBase('/talks/', '/edelweiss/')).toBe('/edelweiss/talks/');
		expect(withBase('talks/', '/edelweiss')).toBe('/edelweiss/talks/');
	});
});

describe('the paths of entries, tags, lists and exports', () => {
	it('names each from its collection and id', () => {
		expect(collectionPath('case-studies')).toBe('/case-studies/');
		expect(entryPath('talks', '2021/ifupdown-ng')).toBe('/talks/2021/ifupdown-ng/');
		expect(tagPath('containers')).toBe('/tags/containers/');
		expect(programmeExportUrl('fosdem-2020', 'schedule.xml')).toBe(
			'/events/fosdem-2020/schedule.xml',
		);
		expect(talkCalendarUrl('podman')).toBe('/talks/podman/talk.ics');
	});
	it('lists the sections readers browse: every collection, then the series and the tags', () => {
		expect(sections.map((section) => section.path)).toEqual([
			...collectionNames.map(collectionPath),
			'/series/',
			'/tags/',
		]);
		expect(sections[0]).toEqual({ label: 'Events', path: '/events/' });
	});
});

describe('editUrl', () => {
	it("joins the repository's edit URL and a file's path from the project root", () => {
		expect(editUrl('content/talks/a.md', 'https://gitlab.example/hub/-/edit/main')).toBe(
			'https://gitlab.example/hub/-/edit/main/content/talks/a.md',
		);
		expect(editUrl('./content\\notes\\b.mdx', 'https://gitlab.example/hub/-/edit/main/')).toBe(
			'https://gitlab.example/hub/-/edit/main/content/notes/b.mdx',
		);
	});
});

describe('urlPathOf', () => {
	it('maps built files to the paths readers navigate to', () => {
		expect(urlPathOf('index.html')).toBe('/');
		expect(urlPathOf('talks/x/index.html')).toBe('/talks/x/');
		expect(urlPathOf('404.html')).toBe('/404.html');
		expect(urlPathOf('pagefind/fragment/en_1.pf_fragment', '/hub/')).toBe(
			'/hub/pagefind/fragment/en_1.pf_fragment',
		);
		expect(urlPathOf('talks\\x\\index.html', '/hub')).toBe('/hub/talks/x/');
	});
});
