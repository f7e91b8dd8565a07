import { z } from 'astro/zod';
import { plainDate, source, tags, type ReferenceFactory } from './common';

export const noteSchema = (reference: ReferenceFactory) =>
	z.object({
		title: z.string().min(1),
		summary: z.string().min(1),
		tags,
		author: reference('people').optional(),
		published: plainDate.optional(),
		updated: plainDate.optional(),
		/** What the note was last checked against, e.g. "Alpine Linux 3.13". */
		verifiedAgainst: z.string().min(1).optional(),
		sources: z.array(source).default([]),
		relatedTalks: z.array(reference('talks')).default([]),
		relatedNotes: z.array(reference('notes')).default([]),
		relatedCaseStudies: z.array(reference('case-studies')).default([]),
	});
