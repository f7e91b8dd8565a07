import { collectionInfo, entryTypes } from '#lib/content/collections.ts';
import { formatMonth, formatPlainDate } from '#lib/view/dates.ts';
import { eventDate, writingDate, type Entry, type HubIndex } from '#lib/hub/hub-index.ts';
import { talkFields } from '#lib/content/talk-fields.ts';
import { editionFilter, hubSearchIndex, isoDateMeta, searchIndexOf } from './search-indexes';

/** What search knows about an entry from the hub index: facets and result metadata read it. */
export interface SearchFacts {
	/** The names of the series it belongs to (a person: those they spoke at). */
	series?: string[] | undefined;
	/** The title of the event it belongs to (or is). */
	event?: string | undefined;
	/** Its date for sorting and the year filter: a talk's day, an event's first day, writing's latest date. */
	date?: string | undefined;
	/** The names of a talk's speakers; a person's own name when they gave talks. */
	speakers?: string[] | undefined;
	/** A talk's track, named once across its series' spellings. */
	track?: string | undefined;
	/** The names of the topics an entry is about (a talk's matched ones too); a topic's own name. */
	topics?: string[] | undefined;
}

/** One search filter. */
export interface SearchFacet {
	/** The Pagefind filter, the search page's URL parameter (`?track=…`) and the `npm run search` flag (`--track`). */
	key: string;
	/** What `npm run search -- --help` says after the flag: the values, or an example. */
	hint: string;
	/** The entry's values, as readers see them (`FOSDEM 2020`; the URL takes their slugs); none leaves it out. */
	values(entry: Entry, facts: SearchFacts): readonly string[];
}

/**
 * The search filters, in the order the search page and `npm run search -- --help` list them:
 * those every entry may have, then the talk fields with a `facet` (docs/architecture.md). Each becomes a Pagefind filter on every
 * entry page (through `searchRecord`), a search page URL parameter and a terminal search flag.
 */
export const searchFacets: readonly SearchFacet[] = [
	{
		key: 'type',
		hint: entryTypes.join(', '),
		values: (entry) => [collectionInfo[entry.collection].one],
	},
	{ key: 'series', hint: 'e.g. fosdem', values: (_, facts) => facts.series ?? [] },
	{
		key: 'event',
		hint: 'e.g. fosdem-2020',
		values: (_, facts) => (facts.event ? [facts.event] : []),
	},
	{
		key: 'year',
		hint: 'e.g. 2021',
		values: (_, facts) => (facts.date ? [facts.date.slice(0, 4)] : []),
	},
	{
		key: 'tag',
		hint: 'repeat for several; every filter accepts the same values as the search page URL',
		values: (entry) => ('tags' in entry.data ? entry.data.tags : []),
	},
	{ key: 'topic', hint: 'e.g. postmarketos', values: (_, facts) => facts.topics ?? [] },
	{ key: 'speaker', hint: 'e.g. sascha-grunert', values: (_, facts) => facts.speakers ?? [] },
	{
		key: 'track',
		hint: 'e.g. containers',
		values: (_, facts) => (facts.track ? [facts.track] : []),
	},
	// Then the talk fields that are facets (`talk-fields.ts`): language, slides licence.
	...talkFields.flatMap((field) =>
		field.facet
			? [
					{
						key: field.key,
						hint: field.facet.hint,
						values: (entry: Entry) => (entry.collection === 'talks' ? field.values(entry) : []),
					},
				]
			: [],
	),
];

export const searchFacetKeys = searchFacets.map((facet) => facet.key);

/**
 * What Pagefind records about one page besides its text: filters (several values allowed),
 * metadata shown with results (one value each, and searchable), and sort keys.
 */
export interface SearchRecord {
	filters: Record<string, string[]>;
	meta: {
		title: string;
		type: string;
		event?: string | undefined;
		/** As pages write it: `1 February 2020`, `May 2027`. */
		date?: string | undefined;
		speakers?: string | undefined;
		/** A person's handles (`@ncopa`), so searching a handle finds its person. */
		handles?: string | undefined;
		/** The sort date as written in `sort`, for ordering results across indexes (`merged-search.ts`). */
		[isoDateMeta]?: string | undefined;
	};
	sort: { date?: string | undefined };
	/** The search index the page goes into: its edition's or the hub's (`search-indexes.ts`). */
	index: string;
}

/**
 * Parts of an entry's text Pagefind leaves out, for selectors our components cannot mark with
 * `data-pagefind-ignore` (Markdown renders them): GFM footnote numbers and back-links, and the
 * hidden "Footnotes" heading, which otherwise open excerpts with stray digits and arrows.
 */
export const searchExcludedSelectors = [
	'[data-footnote-ref]',
	'[data-footnote-backref]',
	'#footnote-label',
];

/** `2020-02-01` → `1 February 2020`; an announced month `2027-05` → `May 2027`. */
const writtenDate = (date: string | undefined) =>
	date ? (date.length === 7 ? formatMonth(date) : formatPlainDate(date)) : undefined;

/** The filters, metadata and sort keys of an entry's page, from the hub index. */
export function searchRecord(hub: HubIndex, entry: Entry): SearchRecord {
	const topics =
		entry.collection === 'topics'
			? [entry.data.name]
			: hub.topicsOf(entry).map((topic) => topic.data.name);
	const facts: SearchFacts = { ...searchFacts(hub, entry), ...(topics.length ? { topics } : {}) };
	const index = searchIndexOf(entry);
	return {
		filters: {
			...Object.fromEntries(
				searchFacets.map((facet) => [facet.key, [...facet.values(entry, facts)]]),
			),
			// Only on dated pages: its counts must be those of a date-sorted search's results.
			...(index !== hubSearchIndex && facts.date ? { [editionFilter]: [index] } : {}),
		},
		meta: {
			title: 'title' in entry.data ? entry.data.title : entry.data.name,
			type: collectionInfo[entry.collection].one,
			event: facts.event,
			date: writtenDate(facts.date),
			speakers: facts.speakers?.join(', '),
			...(entry.collection === 'people' && entry.data.handles.length
				? { handles: entry.data.handles.join(' ') }
				: {}),
			[isoDateMeta]: facts.date,
		},
		sort: { date: facts.date },
		index,
	};
}

function searchFacts(hub: HubIndex, entry: Entry): SearchFacts {
	const seriesOf = (eventId: string) => {
		const place = hub.series.placeOf(eventId);
		return place ? [place.series.name] : [];
	};
	switch (entry.collection) {
		case 'talks': {
			const event = hub.get(entry.data.event);
			return {
				series: seriesOf(event.id),
				event: event.data.title,
				// Talks without a recorded day still belong to their event's year.
				date: entry.data.day ?? (eventDate(event) || undefined),
				speakers: hub.getAll(entry.data.speakers).map((person) => person.data.name),
				// One value for a track across a series' spellings ("Containers devroom" is "Containers").
				track: hub.series.trackOf(entry.id)?.name ?? entry.data.track,
			};
		}
		case 'events':
			return {
				series: seriesOf(entry.id),
				event: entry.data.title,
				date: eventDate(entry) || undefined,
			};
		case 'recaps':
			return {
				series: seriesOf(entry.data.event.id),
				event: hub.get(entry.data.event).data.title,
				date: writingDate(entry),
			};
		case 'notes':
		case 'case-studies':
			return { date: writingDate(entry) || undefined };
		case 'people': {
			// A person's page answers the speaker filter too, next to their talks, and the filter of each series they spoke at.
			const talks = hub.talksBy(entry.id);
			return {
				series: [...new Set(talks.flatMap((talk) => seriesOf(talk.data.event.id)))],
				speakers: talks.length ? [entry.data.name] : undefined,
			};
		}
		case 'sponsors':
		case 'topics':
			return {};
	}
}
