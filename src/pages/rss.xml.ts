import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadHub } from '../lib/hub';
import { entryUrl } from '../lib/urls';
import { siteConfig } from '../site.config';

/** One feed of recaps and notes, newest first. */
export async function GET(context: APIContext) {
	const hub = await loadHub();
	const items = [
		// A recap without a publication date has no place in a dated feed.
		...hub.recaps.flatMap((recap) =>
			recap.data.published
				? [
						{
							title: recap.data.title,
							description: recap.data.summary,
							pubDate: new Date(recap.data.published),
							link: entryUrl('recaps', recap.id),
							categories: recap.data.tags,
						},
					]
				: [],
		),
		...hub.notes.flatMap((note) =>
			note.data.published
				? [
						{
							title: note.data.title,
							description: note.data.summary,
							pubDate: new Date(note.data.updated ?? note.data.published),
							link: entryUrl('notes', note.id),
							categories: note.data.tags,
						},
					]
				: [],
		),
	].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
	return rss({
		title: `${siteConfig.title}: recaps and notes`,
		description: siteConfig.tagline,
		site: context.site!,
		items,
	});
}
