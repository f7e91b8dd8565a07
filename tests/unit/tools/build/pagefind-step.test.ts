import { describe, expect, it } from 'vitest';
import { indexedPagesGlob, isIndexedPage } from '#tools/build/pagefind-step.ts';

describe('the Pagefind step', () => {
	it('indexes the entries’ own pages, not lists, tags, exports or the home page', () => {
		expect(indexedPagesGlob).toBe(
			'{events,talks,people,recaps,notes,sponsors,case-studies,topics}/*/**/index.html',
		);
		for (const page of [
			'talks/podman/index.html',
			'talks/fosdem-2020/podman/index.html',
			'people/ada/index.html',
			'case-studies/x/index.html',
			'topics/musl/index.html',
		]) {
			expect(isIndexedPage(page), page).toBe(true);
		}
		for (const page of [
			'talks/index.html',
			'topics/index.html',
			'index.html',
			'tags/kernel/index.html',
			'search/index.html',
			'talks/podman/talk.ics',
			'events/x/schedule.json',
		]) {
			expect(isIndexedPage(page), page).toBe(false);
		}
	});
});
