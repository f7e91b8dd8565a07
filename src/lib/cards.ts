import { formatPlainDate } from './dates';
import { eventSummaryLine } from './describe';
import { writingDate, type Entry, type HubIndex } from './hub-index';
import { entryUrl } from './urls';

/** What an `EntryCard` shows. */
export interface Card {
	href: string;
	title: string;
	meta?: string | undefined;
	summary?: string | undefined;
}

const metaLine = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' · ') || undefined;

/** A recap's card: author, date and, unless the page is the event's own, the event. */
export function recapCard(recap: Entry<'recaps'>, hub: HubIndex, { showEvent = true } = {}): Card {
	const { author, published, event, title, summary } = recap.data;
	return {
		href: entryUrl('recaps', recap.id),
		title,
		meta: metaLine(author && hub.get(author).data.name, published && formatPlainDate(published), showEvent && hub.get(event).data.title),
		summary,
	};
}

/** A note's card: its latest date and summary. */
export function noteCard(note: Entry<'notes'>): Card {
	const date = writingDate(note);
	return { href: entryUrl('notes', note.id), title: note.data.title, meta: metaLine(date && formatPlainDate(date)), summary: note.data.summary };
}

/** An event's card: when, where, format and status. */
export function eventCard(event: Entry<'events'>): Card {
	return { href: entryUrl('events', event.id), title: event.data.title, meta: eventSummaryLine(event.data), summary: event.data.summary };
}
