import { z } from 'astro/zod';
import { plainDate, singleLine, source, tags, topicRefs, type ReferenceFactory } from './common';

export const noteSchema = (reference: ReferenceFactory) =>
	z.object({
		title: singleLine,
		summary: z.string().min(1),
		tags,
		topics: topicRefs(reference),
		author: reference('people').optional(),
		published: plainDate.optional(),
		/** A publication date the source writes ambiguously (`4/5/21`): the text as written and each day it may mean. */
		publishedAmbiguous: z
			.object({
				asWritten: z.string().min(1),
				readings: z.array(plainDate).min(2),
			})
			.optional(),
		updated: plainDate.optional(),
		/** What the note was last checked against, e.g. "Alpine Linux 3.13". */
		verifiedAgainst: z.string().min(1).optional(),
		sources: z.array(source).default([]),
		relatedTalks: z.array(reference('talks')).default([]),
		relatedNotes: z.array(reference('notes')).default([]),
		relatedCaseStudies: z.array(reference('case-studies')).default([]),
	});
