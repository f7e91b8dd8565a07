import { z } from 'astro/zod';
import { singleLine, type ReferenceFactory, url } from './common';

export const sponsorSchema = (_reference: ReferenceFactory) =>
	z.object({
		name: singleLine,
		website: url.optional(),
		summary: z.string().min(1).optional(),
		/** The kinds of support given, e.g. "bare-metal servers", "hosting". */
		support: z.array(z.string().min(1)).default([]),
		programmes: z
			.array(
				z.object({
					name: singleLine,
					/** The year the programme began. */
					since: z.int().min(1990).max(2100).optional(),
					url: url.optional(),
				}),
			)
			.default([]),
	});
