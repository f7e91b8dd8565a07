import { describe, expect, it } from 'vitest';
import { collectionNames } from '../../src/lib/collections';
import { pageRoutes, routePath, staticPagePaths } from '../../src/lib/site-routes';

describe('the site routes', () => {
	it('reads the pages of src/pages, leaving endpoints out', () => {
		const routes = pageRoutes();
		expect(routes).toContain('index');
		expect(routes).toContain('search');
		expect(routes).toContain('talks/[...id]');
		expect(routes).not.toContain('rss.xml');
		expect(routes.some((route) => route.includes('schedule'))).toBe(false);
	});

	it('maps routes to URL paths', () => {
		expect(routePath('index')).toBe('/');
		expect(routePath('talks/index')).toBe('/talks/');
		expect(routePath('missing-recordings')).toBe('/missing-recordings/');
	});

	it('lists the pages without parameters that a body may link to, not the 404 page', () => {
		const paths = staticPagePaths();
		for (const path of ['/', '/search/', '/offline/', '/missing-recordings/', '/tags/', ...collectionNames.map((name) => `/${name}/`)]) {
			expect(paths).toContain(path);
		}
		expect(paths).not.toContain('/404/');
	});

	// The body link check knows these two kinds of dynamic page; a new kind must be taught to it
	// (`sitePages` in src/lib/validation/body-links.ts) before links to its pages can be checked.
	it('has only the dynamic pages the body link check knows: one per entry and one per tag', () => {
		const dynamic = pageRoutes().filter((route) => route.includes('['));
		expect(dynamic.sort()).toEqual([...collectionNames.map((name) => `${name}/[...id]`), 'tags/[tag]'].sort());
	});
});
