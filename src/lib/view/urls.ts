import { collectionInfo, collectionNames, type CollectionName } from '#lib/content/collections.ts';
import { siteConfig } from '../../site.config';

/** Prefixes a site path with Astro's `base`, so the hub also works under `/project/` on GitLab Pages. */
export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
	return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** A site path as a whole URL on the deployed site (calendars and JSON-LD need them). */
export const absoluteUrl = (path: string) => new URL(withBase(path), siteConfig.url).href;

/*
 * Every page and file of an entry, a tag or a list is named here, as a path without the base
 * (`…Path`: what validation and exports compare and make absolute) and as a link (`…Url`).
 */

/** A collection's list page, without the base: `/talks/`. */
export const collectionPath = (collection: CollectionName) => `/${collection}/`;
export const collectionUrl = (collection: CollectionName) => withBase(collectionPath(collection));
/** An entry's page, without the base: `/talks/podman/`. */
export const entryPath = (collection: CollectionName, id: string) => `/${collection}/${id}/`;
export const entryUrl = (collection: CollectionName, id: string) =>
	withBase(entryPath(collection, id));
/** The list of tags, without the base. */
export const tagListPath = '/tags/';
/** A tag's page, without the base: `/tags/containers/`. */
export const tagPath = (tag: string) => `${tagListPath}${tag}/`;
export const tagUrl = (tag: string) => withBase(tagPath(tag));
/** The files an event's programme is exported as, beside its page. */
export type ProgrammeExport = 'schedule.ics' | 'schedule.xml' | 'schedule.json';
export const programmeExportUrl = (eventId: string, file: ProgrammeExport) =>
	withBase(`${entryPath('events', eventId)}${file}`);
/** A talk's calendar file, beside its page: `/talks/podman/talk.ics`. */
export const talkCalendarUrl = (talkId: string) =>
	withBase(`${entryPath('talks', talkId)}talk.ics`);

/** The list of every conference series. */
export const seriesListPath = '/series/';

/** The hub's sections as the header and the search page's fallback list them: every collection, then the series and the tags. */
export const sections: readonly { label: string; path: string }[] = [
	...collectionNames.map((name) => ({
		label: collectionInfo[name].many,
		path: collectionPath(name),
	})),
	{ label: 'Series', path: seriesListPath },
	{ label: 'Tags', path: tagListPath },
];
/** An event's schedule narrowed to one track or room: `/events/fosdem-2020/track/containers/`. */
export const programmeFilterUrl = (
	eventId: string,
	filter: { kind: 'track' | 'room'; slug: string },
) => withBase(`/events/${eventId}/${filter.kind}/${filter.slug}/`);
/** An event's room × time grid. */
export const programmeGridUrl = (eventId: string) => withBase(`/events/${eventId}/grid/`);
export const seriesUrl = (seriesId: string) => withBase(`/series/${seriesId}/`);
export const seriesTrackUrl = (seriesId: string, trackId: string) =>
	withBase(`/series/${seriesId}/tracks/${trackId}/`);

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
