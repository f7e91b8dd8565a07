import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { contentDir } from '#lib/content/content-dir.ts';
import { feedItems } from '#lib/view/feed.ts';
import { getFileDates } from '#lib/content/git.ts';
import { loadHub } from '#lib/hub/hub.ts';
import { siteConfig } from '../site.config';

/** One feed of recaps and notes, newest first; undated ones by the day they were added. */
export async function GET(context: APIContext) {
	const items = feedItems(await loadHub(), (entry) =>
		entry.filePath ? getFileDates(entry.filePath, contentDir)?.added : undefined,
	);
	return rss({
		title: `${siteConfig.title}: recaps and notes`,
		description: siteConfig.tagline,
		site: context.site!,
		items,
	});
}
