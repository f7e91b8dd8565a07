import { formatMonth, formatPlainDate } from './dates';
import { eventDate, writingDate, type Entry, type HubIndex } from './hub-index';
import { collectionLabels } from './labels';
import type { SearchFilterKey } from './search-query';

/**
 * What Pagefind records about one page besides its text: filters (several values allowed),
 * metadata shown with results (one value each, and searchable), and sort keys.
 */
export interface SearchRecord {
	filters: Partial<Record<SearchFilterKey, string[]>>;
	meta: {
		title: string;
		type: string;
		event?: string | undefined;
		/** As pages write it: `1 February 2020`, `May 2027`. */
		date?: string | undefined;
		speakers?: string | undefined;
		/** A person's handles (`@ncopa`), so searching a handle finds its person. */
		handles?: string | undefined;
	};
	sort: { date?: string | undefined };
}

/**
 * Parts of an entry's text Pagefind leaves out, for selectors our components cannot mark with
 * `data-pagefind-ignore` (Markdown renders them): GFM footnote numbers and back-links, and the
 * hidden "Footnotes" heading, which otherwise open excerpts with stray digits and arrows.
 */
export const searchExcludedSelectors = ['[data-footnote-ref]', '[data-footnote-backref]', '#footnote-label'];

const yearOf = (date: string | undefined) => (date ? [date.slice(0, 4)] : []);
/** `2020-02-01` → `1 February 2020`; an announced month `2027-05` → `May 2027`. */
const writtenDate = (date: string | undefined) => (date ? (date.length === 7 ? formatMonth(date) : formatPlainDate(date)) : undefined);

/** The filters, metadata and sort keys of an entry's page, from the hub index. */
export function searchRecord(hub: HubIndex, entry: Entry): SearchRecord {
	const type = collectionLabels[entry.collection].one;
	const facts = describe(hub, entry);
	return {
		filters: {
			type: [type],
			event: facts.event ? [facts.event] : [],
			year: yearOf(facts.date),
			tag: 'tags' in entry.data ? [...entry.data.tags] : [],
			speaker: facts.speakers ?? [],
			track: facts.track ? [facts.track] : [],
		},
		meta: {
			title: 'title' in entry.data ? entry.data.title : entry.data.name,
			type,
			event: facts.event,
			date: writtenDate(facts.date),
			speakers: facts.speakers?.join(', '),
			...(entry.collection === 'people' && entry.data.handles.length ? { handles: entry.data.handles.join(' ') } : {}),
		},
		sort: { date: facts.date },
	};
}

interface Facts {
	event?: string | undefined;
	date?: string | undefined;
	speakers?: string[] | undefined;
	track?: string | undefined;
}

function describe(hub: HubIndex, entry: Entry): Facts {
	// Schema references carry a plain `collection` string; name the collection to get typed entries.
	const eventOf = (ref: { id: string }) => hub.get({ collection: 'events', id: ref.id });
	switch (entry.collection) {
		case 'talks': {
			const event = eventOf(entry.data.event);
			return {
				event: event.data.title,
				// Talks without a recorded day still belong to their event's year.
				date: entry.data.day ?? (eventDate(event) || undefined),
				speakers: entry.data.speakers.map((ref) => hub.get({ collection: 'people', id: ref.id }).data.name),
				track: entry.data.track,
			};
		}
		case 'events':
			return { event: entry.data.title, date: eventDate(entry) || undefined };
		case 'recaps':
			return { event: eventOf(entry.data.event).data.title, date: writingDate(entry) };
		case 'notes':
		case 'case-studies':
			return { date: writingDate(entry) || undefined };
		case 'people':
			// A person's page answers the speaker filter too, next to their talks.
			return { speakers: hub.talksBy(entry.id).length ? [entry.data.name] : undefined };
		case 'sponsors':
			return {};
	}
}
