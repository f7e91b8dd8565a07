import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pagesDir = fileURLToPath(new URL('../pages/', import.meta.url));
/** Files in `src/pages` that Astro renders as pages; other files there are endpoints such as `rss.xml.ts`. */
const pageFile = /\.(astro|md|mdx|html)$/;

/**
 * The routes of the site's pages, read from `src/pages` itself, as Astro names them:
 * `index`, `search`, `talks/index`, `talks/[...id]`, `tags/[tag]`. A page added there is a
 * known route at once, with nothing to keep in step by hand.
 */
export function pageRoutes(dir = pagesDir): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((file) => file.split('\\').join('/'))
		.filter((file) => pageFile.test(file))
		.map((file) => file.replace(pageFile, ''))
		.sort();
}

/** A route's URL path with a trailing slash: `talks/index` → `/talks/`, `index` → `/`. */
export const routePath = (route: string) => `/${route.replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/');

/**
 * The URL paths of the pages that take no parameters (`/`, `/search/`, `/talks/`…). The 404
 * page is left out: it is what a missing page shows, not a page to link to.
 */
export function staticPagePaths(routes = pageRoutes()): string[] {
	return routes.filter((route) => !route.includes('[') && route !== '404').map(routePath);
}
