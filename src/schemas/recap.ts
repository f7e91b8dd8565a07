import { z } from 'astro/zod';
import { plainDate, singleLine, tags, topicRefs, url, type ReferenceFactory } from './common';

export const recapSchema = (reference: ReferenceFactory) =>
	z.object({
		title: singleLine,
		event: reference('events'),
		/** Optional: some recaps are anonymous (the source names no author). */
		author: reference('people').optional(),
		/** Optional: some sources state no publication date. */
		published: plainDate.optional(),
		updated: plainDate.optional(),
		summary: z.string().min(1).optional(),
		tags,
		topics: topicRefs(reference),
		/** The talks the recap covers, in the order it covers them. */
		talks: z.array(reference('talks')).default([]),
		/** Where the recap was first published, when it was written elsewhere. */
		originalUrl: url.optional(),
		/**
		 * True when the page retells a post written elsewhere in the hub's own words: `author`,
		 * `published` and `originalUrl` then describe that post, and the page says it is a summary.
		 */
		summarised: z.boolean().default(false),
	});
