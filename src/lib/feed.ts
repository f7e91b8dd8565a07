import type { RSSFeedItem } from '@astrojs/rss';
import { writingDate, type Entry, type HubIndex } from './hub-index';
import { entryUrl } from './urls';

type FeedEntry = Entry<'recaps'> | Entry<'notes'>;

/**
 * The feed's items: every recap and note, newest first. An entry's date is the one it states
 * (its update, else its publication), else `fallbackDate`'s (the day its file was first
 * committed); entries with neither are left out, since a feed item needs a date.
 */
export function feedItems(hub: HubIndex, fallbackDate: (entry: FeedEntry) => Date | undefined): RSSFeedItem[] {
	const entries: FeedEntry[] = [...hub.recaps, ...hub.notes];
	return entries
		.flatMap((entry) => {
			const stated = writingDate(entry);
			const pubDate = stated ? new Date(stated) : fallbackDate(entry);
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
		.sort((a, b) => b.pubDate!.getTime() - a.pubDate!.getTime() || a.title!.localeCompare(b.title!));
}
