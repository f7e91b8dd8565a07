import type { CollectionName } from '#lib/content/collections.ts';
import { buildDay } from '#lib/view/dates.ts';
import { announcementPassed } from '#lib/view/describe.ts';
import { digestParts } from '#lib/digest.ts';
import { roomNeighbours } from '#lib/view/programme.ts';
import type { EntryRef } from '#schemas/common.ts';
import type { Entry, HubIndex } from './hub-index';
import { findReferences } from '#lib/content/references.ts';
import type { Series, SeriesTrack } from './series';

/**
 * Cache keys for Astro's `experimental.incrementalBuild`: a page whose key and code are
 * unchanged since the last build is copied, not rendered. A key must therefore change whenever
 * anything the page shows changes, or the hub serves a stale page. Every key is built here from
 * the hub index, so the routes only ask for it.
 *
 * What a page shows about an entry falls into three depths:
 * - **its own entry**: everything (front matter and body, by Astro's content digest) and the
 *   date git last changed its file ("Last updated");
 * - **a card** of another entry (a talk in a list, the event of a talk, a speaker's name): that
 *   entry's front matter and the front matter of what it refers to, since a talk's card names
 *   its speakers and event (`card` below);
 * - the entries a page lists by a reverse relation (a person's talks, an event's programme):
 *   `shownOn` names them per collection, following the pages in `src/pages/`. A page that starts
 *   showing a new relation must add it there; `tests/build/incremental-build.test.ts` edits a
 *   talk, a person and an event and checks exactly which pages change.
 *
 * MDX entries get no key (always rendered): their bodies may show any talk through
 * `<TalkCard>`, which no front matter declares. Code is not part of a key: Astro compares each
 * route's module graph itself, and `tools/build/` clears its caches when the Markdown
 * pipelines or the configuration change.
 */
export interface CacheKeyOptions {
	/** The day pages show as "Last updated" (`lastUpdatedDay` in git.ts); undefined when none. */
	lastUpdated: (entry: Entry) => string | undefined;
	/** The build's day, which event statuses are read against; `buildDay` unless a test sets it. */
	today?: string;
}

const digest = (...parts: readonly string[]) => digestParts(parts, 'base64url').slice(0, 22);

/** The reverse relations each collection's page lists, as cards. */
function shownOn(hub: HubIndex, entry: Entry): Entry[] {
	switch (entry.collection) {
		case 'talks': {
			// With the talks before and after it in its room, which it links by title.
			const { previous, next } = roomNeighbours(hub.talksOf(entry.data.event.id), entry);
			return [
				...hub.discussedIn(entry.id),
				...[previous, next].filter((talk) => talk !== undefined),
			];
		}
		case 'people':
			return [
				...hub.talksBy(entry.id),
				...hub.writingBy(entry.id),
				...hub.eventsOrganisedBy(entry.id),
			];
		case 'events':
			// With its series' editions: the edition navigation names them and counts them.
			return [
				...hub.talksOf(entry.id),
				...hub.recapsOf(entry.id),
				...(hub.series.placeOf(entry.id)?.series.editions.map((edition) => edition.event) ?? []),
			];
		case 'sponsors':
			return [...hub.caseStudiesOf(entry.id), ...hub.eventsSponsoredBy(entry.id)];
		case 'notes':
			return hub.notesCiting('notes', entry.id);
		case 'case-studies':
			return hub.notesCiting('case-studies', entry.id);
		case 'recaps':
			return [];
		case 'topics':
			return [
				...hub.talksAbout(entry.id),
				...hub.writingAbout(entry.id),
				...hub.eventsAbout(entry.id),
			];
	}
}

/** How a page names a topic (a link with its name): all it shows of one, so a topic's other edits re-render none of them. */
const topicName = (topic: Entry<'topics'>) => `topics\0${topic.id}\0${topic.data.name}`;

/**
 * What a page shows that no front matter holds: a track's one name across its series'
 * spellings, chosen from every edition (on a talk's page and in a speaker's record); a talk's
 * topics, matched ones included, so a topic whose rules change re-renders only the talks whose
 * topics changed; a topic's series, narrower and related topics with their shared counts.
 */
function derivedFacts(hub: HubIndex, entry: Entry): string[] {
	const trackName = (talk: Entry<'talks'>) => hub.series.trackOf(talk.id)?.name ?? '';
	if (entry.collection === 'talks')
		return [trackName(entry), ...hub.topicsOf(entry).map(topicName)];
	if (entry.collection === 'people') return hub.talksBy(entry.id).map(trackName);
	// A topic's chart names each talk's series; its related topics come with their shared counts.
	if (entry.collection === 'topics') {
		return [
			...hub
				.talksAbout(entry.id)
				.map((talk) => hub.series.placeOf(talk.data.event.id)?.series.name ?? ''),
			...hub.subtopicsOf(entry.id).map(topicName),
			...hub.relatedTopics(entry.id).map(({ topic, shared }) => `${topicName(topic)}\0${shared}`),
		];
	}
	return [];
}

/** Keys for every page of one build, with each entry's parts hashed once. */
export function createCacheKeys(hub: HubIndex, { lastUpdated, today = buildDay }: CacheKeyOptions) {
	const frontMatter = new Map<Entry, string>();
	const cards = new Map<Entry, string>();
	const data = (entry: Entry) => {
		let value = frontMatter.get(entry);
		if (value === undefined)
			frontMatter.set(
				entry,
				(value = digest(entry.collection, entry.id, JSON.stringify(entry.data))),
			);
		return value;
	};
	/**
	 * What a card of the entry shows: its front matter and that of what it refers to (of a topic,
	 * its name), and for an announced event whether its date has passed by the build's day
	 * (`announcementPassed`).
	 */
	const card = (entry: Entry) => {
		let value = cards.get(entry);
		if (value === undefined) {
			const passed =
				entry.collection === 'events' && announcementPassed(entry.data, today) ? 'passed' : '';
			cards.set(
				entry,
				(value = digest(
					data(entry),
					...findReferences(entry.data).map(({ ref }) => named(ref) ?? data(hub.get(ref))),
					passed,
				)),
			);
		}
		return value;
	};
	const named = (ref: EntryRef<CollectionName>) =>
		ref.collection === 'topics' ? topicName(hub.get(ref as EntryRef<'topics'>)) : undefined;
	/** Everything in the entry's file: Astro's digest of it. */
	const whole = (entry: Entry) => {
		if (!entry.digest)
			throw new Error(`${entry.collection}/${entry.id} has no content digest to key its page by`);
		return String(entry.digest);
	};

	return {
		/** An entry's own page; undefined (always rendered) for MDX. */
		entry(entry: Entry): string | undefined {
			if (entry.filePath?.endsWith('.mdx')) return undefined;
			// A talk's page opens each speaker's biography: their files whole.
			const bios = entry.collection === 'talks' ? hub.getAll(entry.data.speakers).map(whole) : [];
			const own = [
				whole(entry),
				lastUpdated(entry) ?? '',
				card(entry),
				...derivedFacts(hub, entry),
				...bios,
			];
			return digest(
				...own,
				...findReferences(entry.data).map(({ ref }) => named(ref) ?? card(hub.get(ref))),
				...shownOn(hub, entry).map(card),
			);
		},
		/** A tag's page: the cards of what carries the tag. */
		tag(entries: readonly Entry[]): string {
			return digest('tag', ...entries.map(card));
		},
		/** An event's programme views (the grid, a track's or a room's talks): the event and its talks' cards. */
		programme(event: Entry<'events'>): string {
			return digest('programme', card(event), ...hub.talksOf(event.id).map(card));
		},
		/**
		 * A series' page (every edition with its numbers, its tracks) or one of its tracks' pages:
		 * the cards of the editions and of their talks, and the tracks' names.
		 */
		series(series: Series, track?: SeriesTrack): string {
			const editions = track ? track.editions : series.editions;
			const names = (track ? [track] : series.tracks).map((shown) => `${shown.id}\0${shown.name}`);
			return digest(
				'series',
				series.id,
				...names,
				...editions.flatMap((edition) => [card(edition.event), ...edition.talks.map(card)]),
			);
		},
		/**
		 * A schedule export (a whole event's, or one talk's calendar): the event's card and each
		 * exported talk whole, since exports carry descriptions.
		 */
		schedule(event: Entry<'events'>, talks: readonly Entry<'talks'>[]): string {
			return digest(
				'schedule',
				card(event),
				...talks.flatMap((talk) => [whole(talk), card(talk), ...hub.topicsOf(talk).map(topicName)]),
			);
		},
	};
}

export type CacheKeys = ReturnType<typeof createCacheKeys>;
