import { z } from 'astro/zod';
import { plainDate, singleLine, source, tags, topicRefs, type ReferenceFactory } from './common';

export const caseStudySchema = (reference: ReferenceFactory) =>
	z.object({
		title: singleLine,
		summary: z.string().min(1),
		sponsor: reference('sponsors'),
		/** The project the sponsor supports, e.g. "Alpine Linux". */
		project: z.string().min(1),
		published: plainDate.optional(),
		/** When the study's facts held, as precisely as its source allows, e.g. "2021" or "some time after Alpine 3.8". */
		asOf: z.string().min(1).optional(),
		tags,
		topics: topicRefs(reference),
		sources: z.array(source).default([]),
		relatedTalks: z.array(reference('talks')).default([]),
	});
