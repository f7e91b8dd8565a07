import { describe, expect, it } from 'vitest';
import { collectionNames } from '#lib/content/collections.ts';
import { isPagePath, pageRoutes, routePath, staticPagePaths } from '#lib/site/site-routes.ts';

describe('the site routes', () => {
	it('reads the pages of src/pages, leaving endpoints out', () => {
		const routes = pageRoutes();
		expect(routes).toContain('index');
		expect(routes).toContain('search');
		expect(routes).toContain('talks/[...id]');
		expect(routes).not.toContain('rss.xml');
		expect(routes.some((route) => /schedule\.(ics|xml|json)|talk\.ics/.test(route))).toBe(false);
	});

	it('maps routes to URL paths', () => {
		expect(routePath('index')).toBe('/');
		expect(routePath('talks/index')).toBe('/talks/');
		expect(routePath('missing-recordings')).toBe('/missing-recordings/');
	});

	it('lists the pages without parameters that a body may link to, not the 404 page', () => {
		const paths = staticPagePaths();
		for (const path of [
			'/',
			'/search/',
			'/offline/',
			'/missing-recordings/',
			'/tags/',
			...collectionNames.map((name) => `/${name}/`),
		]) {
			expect(paths).toContain(path);
		}
		expect(paths).not.toContain('/404/');
	});

	it('knows a path is a page when its route’s entry ids and tags exist', () => {
		const ids: Record<string, string[]> = {
			events: ['fosdem-2020'],
			talks: ['podman', '2021/ifupdown-ng'],
		};
		const known = {
			ids: (collection: string) => new Set(ids[collection] ?? []),
			tags: new Set(['apk']),
		};
		for (const page of [
			'/',
			'/search/',
			'/talks/podman/',
			'/talks/2021/ifupdown-ng/',
			'/tags/apk/',
			'/events/fosdem-2020/',
		]) {
			expect(isPagePath(page, known), page).toBe(true);
		}
		for (const page of [
			'/talks/podmam/',
			'/tags/apkk/',
			'/events/fosdem-2021/',
			'/404/',
			'/nowhere/',
			'/talks/podman/extra/',
		]) {
			expect(isPagePath(page, known), page).toBe(false);
		}
		// Pages under an event (a grid, one track's programme) follow its id; their other parameters are any segment.
		const under = pageRoutes().filter((route) => route.startsWith('events/[...id]/'));
		expect(under.length).toBeGreaterThan(0);
		for (const route of under) {
			const path = `/${route.replace('[...id]', 'fosdem-2020').replace(/\[[^\]]+\]/g, 'x')}/`;
			expect(isPagePath(path, known), path).toBe(true);
			expect(isPagePath(path.replace('fosdem-2020', 'fosdem-2021'), known), path).toBe(false);
		}
	});
});
