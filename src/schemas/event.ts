import { z } from 'astro/zod';
import { isPlainDate } from '#lib/time.ts';
import {
	clockTime,
	importedFields,
	plainDate,
	singleLine,
	tags,
	timeZone,
	topicRefs,
	url,
	type ReferenceFactory,
} from './common';

export const eventFormats = ['virtual', 'in-person', 'hybrid'] as const;
export const eventStatuses = ['held', 'announced', 'cancelled'] as const;
/** Words a source puts before an approximate count. */
export const countQualifiers = ['about', 'over', 'nearly', 'under'] as const;
const countQualifier = z.enum(countQualifiers);

export const eventSchema = (reference: ReferenceFactory) =>
	z
		.object({
			title: singleLine,
			/** The series the event belongs to, e.g. "AlpineConf" for AlpineConf 2021. */
			series: z.string().min(1).optional(),
			summary: z.string().min(1).optional(),
			status: z.enum(eventStatuses).default('held'),
			/** First and last day, in the event's own time zone. Unknown for some announced events. */
			start: plainDate.optional(),
			end: plainDate.optional(),
			/** The month an announced event is expected, `YYYY-MM`, when its days are not known. */
			month: z
				.string()
				.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month written YYYY-MM' })
				.optional(),
			timezone: timeZone.optional(),
			/**
			 * The hour the programme's day changes (frab's `day_change`, pretalx's `day_start`): a talk
			 * starting before it (a party at 00:50) is shown at the end of the previous day. Its own
			 * `day` and `start` stay its real date and time.
			 */
			dayChange: clockTime.optional(),
			format: z.enum(eventFormats).optional(),
			venue: z.string().min(1).optional(),
			city: z.string().min(1).optional(),
			country: z.string().min(1).optional(),
			/** Where a virtual event took place, e.g. "BigBlueButton (self-hosted)". */
			platform: z.string().min(1).optional(),
			website: url.optional(),
			organisers: z.array(reference('people')).default([]),
			sponsors: z.array(reference('sponsors')).default([]),
			attendance: z
				.object({
					total: z.int().positive().optional(),
					/** How the source qualifies the total ("over 700"); leave out for an exact count. */
					totalQualifier: countQualifier.optional(),
					peakConcurrent: z.int().positive().optional(),
					/** How the source qualifies the peak ("nearly 100"); leave out for an exact count. */
					peakConcurrentQualifier: countQualifier.optional(),
					note: z.string().min(1).optional(),
				})
				.optional(),
			/** Recordings kept for the event as a whole rather than per talk. */
			recordings: z
				.object({
					/** What was recorded, e.g. "most of both days". */
					coverage: z.string().min(1).optional(),
					/** Where they are published, e.g. "the Alpine website". */
					where: z.string().min(1),
					url: url.optional(),
				})
				.optional(),
			tags,
			topics: topicRefs(reference),
			imported: importedFields.optional(),
		})
		.refine((event) => event.status === 'announced' || (event.start && event.end), {
			error: 'expected "start" and "end" for an event that is not merely announced',
			path: ['start'],
		})
		// Only compare real dates: an invalid one is already reported by its own field.
		.refine(
			(event) =>
				!isPlainDate(event.start ?? '') ||
				!isPlainDate(event.end ?? '') ||
				event.start! <= event.end!,
			{
				error: 'expected "end" on or after "start"',
				path: ['end'],
			},
		);
