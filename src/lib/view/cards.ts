import { formatPlainDate } from './dates';
import { countOf, eventSummaryLine } from './describe';
import { writingDate, type Entry, type HubIndex, type Writing } from '#lib/hub/hub-index.ts';
import { entryKindLabel } from './labels';
import { entryUrl } from './urls';

/** What an `EntryCard` shows. */
export interface Card {
	href: string;
	title: string;
	meta?: string | undefined;
	summary?: string | undefined;
}

const metaLine = (...parts: (string | false | undefined)[]) =>
	parts.filter(Boolean).join(' · ') || undefined;

/** A recap's card: author, date and, unless the page is the event's own, the event. */
export function recapCard(recap: Entry<'recaps'>, hub: HubIndex, { showEvent = true } = {}): Card {
	const { author, published, event, title, summary } = recap.data;
	return {
		href: entryUrl('recaps', recap.id),
		title,
		meta: metaLine(
			author && hub.get(author).data.name,
			published && formatPlainDate(published),
			showEvent && hub.get(event).data.title,
		),
		summary,
	};
}

/** A note's card: its latest date and summary. */
export function noteCard(note: Entry<'notes'>): Card {
	const date = writingDate(note);
	return {
		href: entryUrl('notes', note.id),
		title: note.data.title,
		meta: metaLine(date && formatPlainDate(date)),
		summary: note.data.summary,
	};
}

/** An event's card: when, where, format and status. */
export function eventCard(event: Entry<'events'>): Card {
	return {
		href: entryUrl('events', event.id),
		title: event.data.title,
		meta: eventSummaryLine(event.data),
		summary: event.data.summary,
	};
}

/** A person's card: handles and how many talks they gave. */
export function personCard(person: Entry<'people'>, hub: HubIndex): Card {
	return {
		href: entryUrl('people', person.id),
		title: person.data.name,
		meta: metaLine(person.data.handles.join(' '), countOf(hub.talksBy(person.id).length, 'talk')),
	};
}

/** A sponsor's card: the kinds of support and its summary. */
export function sponsorCard(sponsor: Entry<'sponsors'>): Card {
	return {
		href: entryUrl('sponsors', sponsor.id),
		title: sponsor.data.name,
		meta: metaLine(sponsor.data.support.join(', ')),
		summary: sponsor.data.summary,
	};
}

/** A case study's card: sponsor and project, unless the page is the sponsor's own. */
export function caseStudyCard(
	study: Entry<'case-studies'>,
	hub: HubIndex,
	{ showSponsor = true } = {},
): Card {
	const { title, summary, sponsor, project } = study.data;
	return {
		href: entryUrl('case-studies', study.id),
		title,
		meta: showSponsor ? metaLine(hub.get(sponsor).data.name, project) : undefined,
		summary,
	};
}

/** The collections whose list page is their entries' cards alone (`CollectionListPage.astro`). */
export type ListedCollection = 'people' | 'recaps' | 'notes' | 'sponsors' | 'case-studies';

/** An entry's card on its collection's list page. */
export function listCard(entry: Entry<ListedCollection>, hub: HubIndex): Card {
	switch (entry.collection) {
		case 'people':
			return personCard(entry, hub);
		case 'recaps':
			return recapCard(entry, hub);
		case 'notes':
			return noteCard(entry);
		case 'sponsors':
			return sponsorCard(entry);
		case 'case-studies':
			return caseStudyCard(entry, hub);
	}
}

/** Any titled entry in a mixed list (tag pages, "Discussed in", a person's writing): its kind, and the date of writing. */
export function labelledCard(entry: Entry<'events' | 'talks' | Writing['collection']>): Card {
	const date =
		entry.collection === 'recaps' ||
		entry.collection === 'notes' ||
		entry.collection === 'case-studies'
			? writingDate(entry)
			: '';
	return {
		href: entryUrl(entry.collection, entry.id),
		title: entry.data.title,
		meta: metaLine(entryKindLabel(entry), date && formatPlainDate(date)),
	};
}

/** A topic's card: how many talks and pieces of writing are about it, and its summary. */
export function topicCard(topic: Entry<'topics'>, hub: HubIndex): Card {
	const writing = hub.writingAbout(topic.id).length;
	return {
		href: entryUrl('topics', topic.id),
		title: topic.data.name,
		meta: metaLine(
			countOf(hub.talksAbout(topic.id).length, 'talk'),
			writing > 0 && countOf(writing, 'piece') + ' of writing',
		),
		summary: topic.data.summary,
	};
}
