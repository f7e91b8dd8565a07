import { z } from 'astro/zod';
import { link, source, type ReferenceFactory } from './common';

/**
 * A phrase a talk may be matched by: it must hold a letter or a digit, since matching compares
 * words (`src/lib/hub/topic-matching.ts`), and punctuation alone is no word.
 */
const phrase = z
	.string()
	.min(1)
	.refine((text) => /[\p{L}\p{N}]/u.test(text), {
		error: (issue) =>
			`expected a phrase with at least one letter or digit, found ${JSON.stringify(issue.input)}`,
	});

/**
 * A subject the community comes back to across years and series (musl, postmarketOS, Matrix).
 * Hand-written entries name it in front matter (`topics: [musl]`); every talk whose title,
 * summary or abstract holds its name, an alias or a term, outside its exclusions, is matched
 * to it at build time (docs/topics.md).
 */
export const topicSchema = (reference: ReferenceFactory) =>
	z.object({
		name: z.string().min(1),
		/** Other names and spellings readers use (`pmOS`): shown on the page and matched like terms. */
		aliases: z.array(phrase).default([]),
		/** One or two sentences in the hub's own words, for cards and the page's lead. */
		summary: z.string().min(1),
		/** The project's site, its repository… */
		links: z.array(link).default([]),
		/** The broader topic this one belongs to (Podman → containers). */
		parent: reference('topics').optional(),
		match: z
			.object({
				/** Words or phrases besides the name and aliases that attach a talk, matched as whole words, ignoring case and accents. */
				terms: z.array(phrase).default([]),
				/** False friends: phrases whose occurrences of a term do not count (`test matrix` for Matrix). */
				exclude: z.array(phrase).default([]),
			})
			.default({ terms: [], exclude: [] }),
		/** Where the description's facts come from. */
		sources: z.array(source).default([]),
	});
