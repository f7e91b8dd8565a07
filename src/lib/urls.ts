import type { CollectionName } from './collections';
import { siteConfig } from '../site.config';

/** Prefixes a site path with Astro's `base`, so the hub also works under `/project/` on GitLab Pages. */
export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
	return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** A site path as a whole URL on the deployed site (calendars and JSON-LD need them). */
export const absoluteUrl = (path: string) => new URL(withBase(path), siteConfig.url).href;

export const collectionUrl = (collection: CollectionName) => withBase(`/${collection}/`);
/** An entry's page, without the base: `/talks/podman/`. */
export const entryPath = (collection: CollectionName, id: string) => `/${collection}/${id}/`;
export const entryUrl = (collection: CollectionName, id: string) => withBase(entryPath(collection, id));
export const tagUrl = (tag: string) => withBase(`/tags/${tag}/`);
/** An event's schedule narrowed to one track or room: `/events/fosdem-2020/track/containers/`. */
export const programmeFilterUrl = (eventId: string, filter: { kind: 'track' | 'room'; slug: string }) =>
	withBase(`/events/${eventId}/${filter.kind}/${filter.slug}/`);
/** An event's room × time grid. */
export const programmeGridUrl = (eventId: string) => withBase(`/events/${eventId}/grid/`);
export const seriesUrl = (seriesId: string) => withBase(`/series/${seriesId}/`);
export const seriesTrackUrl = (seriesId: string, trackId: string) => withBase(`/series/${seriesId}/tracks/${trackId}/`);

/** Where a content file is edited in the repository: `editBaseUrl` + its path from the project root. */
export function editUrl(filePath: string, editBaseUrl: string): string {
	return `${editBaseUrl.replace(/\/?$/, '/')}${filePath
		.replace(/^\.?\//, '')
		.split('\\')
		.join('/')}`;
}

/** The URL path a built file is served at: `talks/x/index.html` → `/talks/x/`. */
export function urlPathOf(file: string, base = '/'): string {
	const path = file
		.split('\\')
		.join('/')
		.replace(/(^|\/)index\.html$/, '$1');
	return `${base.replace(/\/$/, '')}/${path}`;
}
