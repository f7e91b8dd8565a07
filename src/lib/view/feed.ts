import type { RSSFeedItem } from '@astrojs/rss';
import type { Entry, HubIndex } from '#lib/hub/hub-index.ts';
import { entryUrl } from './urls';

type FeedEntry = Entry<'recaps'> | Entry<'notes'>;

/**
 * When an entry was published, as its content says: its `published` date; for a note whose
 * source writes the date ambiguously, the earliest day it may mean; for a recap without one, the
 * last day of its event (a recap is written after it). Undefined when the content does not say.
 */
export function publishedDate(entry: FeedEntry, hub: HubIndex): string | undefined {
	if (entry.data.published) return entry.data.published;
	if (entry.collection === 'notes') return entry.data.publishedAmbiguous?.readings.toSorted()[0];
	const event = hub.get(entry.data.event).data;
	return event.end ?? event.start;
}

/**
 * The feed's items: every recap and note, newest first, each dated by when it was published
 * (`publishedDate`), else by `fallbackDate` (the day its file was first committed: a note
 * written in the hub itself); entries with neither are left out, since a feed item needs a date.
 */
export function feedItems(
	hub: HubIndex,
	fallbackDate: (entry: FeedEntry) => Date | undefined,
): RSSFeedItem[] {
	const entries: FeedEntry[] = [...hub.recaps, ...hub.notes];
	return entries
		.flatMap((entry) => {
			const published = publishedDate(entry, hub);
			const pubDate = published ? new Date(`${published}T00:00:00Z`) : fallbackDate(entry);
			if (!pubDate) return [];
			return [
				{
					title: entry.data.title,
					description: entry.data.summary,
					pubDate,
					link: entryUrl(entry.collection, entry.id),
					categories: [...entry.data.tags],
				},
			];
		})
		.sort(
			(a, b) => b.pubDate!.getTime() - a.pubDate!.getTime() || a.title!.localeCompare(b.title!),
		);
}
