import { z } from 'astro/zod';
import { importedFields, link, type ReferenceFactory } from './common';

export const personSchema = (_reference: ReferenceFactory) =>
	z.object({
		name: z.string().min(1),
		/** Handles as the community writes them, e.g. `@ncopa`. */
		handles: z.array(z.string().regex(/^@\S+$/, { error: 'expected a handle starting with "@"' })).default([]),
		affiliations: z.array(z.string().min(1)).default([]),
		links: z.array(link).default([]),
		/** Identifiers from imported schedules, so a re-import finds the same person. */
		source: z
			.object({
				id: z.union([z.string(), z.number()]).optional(),
				guid: z.string().optional(),
			})
			.optional(),
		imported: importedFields.optional(),
	});
