import path from 'node:path';
import { eventDate, type HubIndex } from '#lib/hub/hub-index.ts';
import { isSearchFile } from './offline';

/**
 * An edition as the offline step sorts built files into it: its id, how readers name it, and
 * its talks (whose pages live under `talks/`, not under the event's folder). The build writes
 * every edition, newest first, to `offlineEditionsFile` (`src/pages/offline/editions.json.ts`).
 */
export interface OfflineEdition {
	id: string;
	title: string;
	/** The event's first day (or month), as its page gives it: `2020-02-01`. */
	date: string;
	talks: string[];
}

/** Where the build writes the editions, relative to the output directory. */
export const offlineEditionsFile = 'offline/editions.json';

/** The hub's editions, newest first, with their talks' ids. */
export const offlineEditions = (hub: Pick<HubIndex, 'events' | 'talksOf'>): OfflineEdition[] =>
	hub.events.map((event) => ({
		id: event.id,
		title: event.data.title,
		date: eventDate(event),
		talks: hub.talksOf(event.id).map((talk) => talk.id),
	}));

/** The hub part's id; an edition's unit is `editions/<event id>`. */
export const hubUnitId = 'hub';
export const editionUnitId = (eventId: string) => `editions/${eventId}`;

/**
 * What a reader saves for offline as one piece: one edition (its event page, programme pages,
 * talks and search index) or the hub part (every other page, the shell every page needs, and
 * the hub's search: Pagefind's code and the index of what crosses editions).
 */
export interface OfflineUnit {
	id: string;
	kind: 'hub' | 'edition';
	title: string;
	/** The edition's date; none for the hub part. */
	date?: string;
	/** Built files, relative to the output directory, sorted. */
	files: string[];
	/** How many of `files` are pages. */
	pages: number;
	/** The files' sizes added up. */
	bytes: number;
}

/** The files every page needs besides its HTML: styles, scripts, fonts, the icon and the app manifest. */
const shellPatterns = [
	'_astro/**/*.{css,js,woff,woff2}',
	'favicon.svg',
	'manifest.webmanifest',
] as const;

const isPage = (file: string) => file.endsWith('.html') && file !== '404.html';

/**
 * Whether a built file is worth keeping offline: a page, what search needs, or the shell.
 * Exports (`schedule.ics`, `talk.ics`, feeds), images and the offline step's own lists are not.
 */
export const isOfflineFile = (file: string) =>
	isPage(file) ||
	isSearchFile(file) ||
	file === 'pagefind/editions.json' ||
	shellPatterns.some((pattern) => path.matchesGlob(file, pattern));

/**
 * Sorts a built site's files (`sizes`: path relative to the output directory → bytes) into
 * the hub part and one unit per edition, in that order (editions as `editions` lists them).
 * An edition owns `events/<id>/**`, its talks' pages `talks/<talk id>/**` and its search index
 * `pagefind/editions/<id>/**`; every other page and search file is the hub's. A search folder
 * under `pagefind/editions/` that names no edition is an error: it would be saved with nothing.
 */
export function offlineUnits(
	sizes: ReadonlyMap<string, number>,
	editions: readonly OfflineEdition[],
): OfflineUnit[] {
	const hub: OfflineUnit = {
		id: hubUnitId,
		kind: 'hub',
		title: 'The hub part',
		files: [],
		pages: 0,
		bytes: 0,
	};
	const units = new Map<string, OfflineUnit>();
	const byTalk = new Map<string, OfflineUnit>();
	for (const edition of editions) {
		const unit: OfflineUnit = {
			id: editionUnitId(edition.id),
			kind: 'edition',
			title: edition.title,
			date: edition.date,
			files: [],
			pages: 0,
			bytes: 0,
		};
		units.set(edition.id, unit);
		for (const talk of edition.talks) byTalk.set(talk, unit);
	}
	// Longest id first, so `events/a/b/` goes to edition `a/b` rather than to `a`.
	const byLength = [...units.keys()].sort((a, b) => b.length - a.length);
	const editionUnder = (file: string, folder: string) => {
		const id = byLength.find((candidate) => file.startsWith(`${folder}${candidate}/`));
		return id === undefined ? undefined : units.get(id);
	};
	const unitOf = (file: string): OfflineUnit => {
		if (file.startsWith('pagefind/editions/')) {
			const unit = editionUnder(file, 'pagefind/editions/');
			if (!unit)
				throw new Error(
					`${file}: a search index under pagefind/editions/ for no edition of ${offlineEditionsFile} (${editions.length} editions listed)`,
				);
			return unit;
		}
		if (file.startsWith('events/')) return editionUnder(file, 'events/') ?? hub;
		const talk = /^talks\/(.+)\/[^/]+$/.exec(file)?.[1];
		return (talk !== undefined && byTalk.get(talk)) || hub;
	};
	for (const file of [...sizes.keys()].filter(isOfflineFile).sort()) {
		const unit = unitOf(file);
		unit.files.push(file);
		unit.bytes += sizes.get(file)!;
		if (isPage(file)) unit.pages += 1;
	}
	return [hub, ...units.values()];
}
