import { z } from 'astro/zod';
import { importedFields, link, singleLine, type ReferenceFactory } from './common';

const scheduleId = z.union([z.string().min(1), z.number()]);

export const personSchema = (_reference: ReferenceFactory) =>
	z.object({
		name: singleLine,
		/** Handles as the community writes them, e.g. `@ncopa`. */
		handles: z
			.array(z.string().regex(/^@\S+$/, { error: 'expected a handle starting with "@"' }))
			.default([]),
		affiliations: z.array(z.string().min(1)).default([]),
		links: z.array(link).default([]),
		/**
		 * Other spellings of the name and old handles, e.g. `Stephane Graber`: a schedule that
		 * names the person so is imported as this person (docs/schedule-import.md).
		 */
		aliases: z.array(z.string().min(1)).default([]),
		/** Identifiers from imported schedules, so a re-import finds the same person. */
		source: z
			.strictObject({
				/** The schedules' guid for the person; several when two accounts were merged. */
				guid: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
				/**
				 * The person's schedule id in each edition, by event id (`fosdem-2020: 7162`): ids
				 * belong to one edition, and in older Pentabarf exports to one talk, so an edition
				 * may list several.
				 */
				ids: z.record(z.string(), z.union([scheduleId, z.array(scheduleId).min(1)])).optional(),
			})
			.optional(),
		imported: importedFields.optional(),
	});
