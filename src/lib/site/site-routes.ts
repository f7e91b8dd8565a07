import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCollectionName, type CollectionName } from '#lib/content/collections.ts';

const pagesDir = fileURLToPath(new URL('../../pages/', import.meta.url));
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
export const routePath = (route: string) =>
	`/${route.replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/');

/**
 * The URL paths of the pages that take no parameters (`/`, `/search/`, `/talks/`…). The 404
 * page is left out: it is what a missing page shows, not a page to link to.
 */
export function staticPagePaths(routes = pageRoutes()): string[] {
	return routes.filter((route) => !route.includes('[') && route !== '404').map(routePath);
}

/** What the route parameters name that the content decides: entry ids per collection, tags. */
export interface KnownValues {
	ids(collection: CollectionName): ReadonlySet<string>;
	tags: ReadonlySet<string>;
}

/**
 * Whether a URL path (`/events/fosdem-2020/grid/`) is a page some route of `src/pages` publishes.
 * Parameters the content decides must name something that exists: an `id` after a collection's
 * segment an entry of it (ids may hold `/`: `[...id]`), a `tag` a tag in use. Other parameters
 * (a programme's `[kind]/[value]`) match any segment: the built site's link check sees those.
 */
export function isPagePath(urlPath: string, known: KnownValues, routes = pageRoutes()): boolean {
	const path = urlPath.split('/').filter(Boolean);
	return routes.some(
		(route) =>
			route !== '404' &&
			matches(
				route
					.replace(/(^|\/)index$/, '')
					.split('/')
					.filter(Boolean),
				path,
				known,
			),
	);
}

function matches(
	route: readonly string[],
	path: readonly string[],
	known: KnownValues,
	previous?: string,
): boolean {
	const [segment, ...rest] = route;
	if (segment === undefined) return path.length === 0;
	const param = /^\[(\.\.\.)?([^\]]+)\]$/.exec(segment);
	if (!param) return path[0] === segment && matches(rest, path.slice(1), known, segment);
	const allowed = (value: string) =>
		param[2] === 'id' && previous && isCollectionName(previous)
			? known.ids(previous).has(value)
			: param[2] === 'tag'
				? known.tags.has(value)
				: true;
	const lengths = param[1] ? Array.from({ length: path.length }, (_, index) => index + 1) : [1];
	return lengths.some(
		(length) =>
			length <= path.length &&
			allowed(path.slice(0, length).join('/')) &&
			matches(rest, path.slice(length), known, segment),
	);
}
