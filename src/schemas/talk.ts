import { z } from 'astro/zod';
import { importedFields, link, plainDate, singleLine, tags, type ReferenceFactory, url } from './common';

export const talkKinds = ['talk', 'keynote', 'demo', 'roundtable', 'panel', 'lightning', 'workshop', 'bof', 'qa', 'discussion', 'ceremony'] as const;

export const recordingProviders = ['file', 'peertube', 'media-ccc', 'youtube', 'vimeo', 'other'] as const;
export const recordingStatuses = ['available', 'missing', 'not-recorded', 'unknown'] as const;

export const recordingSource = z.object({
	url,
	provider: z.enum(recordingProviders).default('file'),
	/** MIME type of a direct video file, e.g. `video/webm`. */
	type: z.string().optional(),
});
export type RecordingSource = z.output<typeof recordingSource>;

export const recording = z.object({
	status: z.enum(recordingStatuses).default('available'),
	licence: z.string().min(1).optional(),
	sources: z.array(recordingSource).default([]),
});
export type Recording = z.output<typeof recording>;

/** A BCP 47 language tag as talks write it: `en`, `pt-BR`. */
export const languageTagPattern = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

export const talkSchema = (reference: ReferenceFactory) =>
	z
		.object({
			title: singleLine,
			event: reference('events'),
			speakers: z.array(reference('people')).default([]),
			/** Who ran a roundtable, panel or discussion without presenting it. */
			moderators: z.array(reference('people')).default([]),
			kind: z.enum(talkKinds).default('talk'),
			summary: z.string().min(1).optional(),
			/** Day and wall-clock start in the event's time zone; recaps often lack them. */
			day: plainDate.optional(),
			start: z
				.string()
				.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a 24-hour time written HH:MM' })
				.optional(),
			/** Length in minutes. */
			duration: z.int().positive().optional(),
			track: z.string().min(1).optional(),
			room: z.string().min(1).optional(),
			/** BCP 47 language tag of the talk, e.g. `en`. */
			language: z.string().regex(languageTagPattern, { error: 'expected a language tag such as "en" or "pt-BR"' }).optional(),
			tags,
			links: z.array(link).default([]),
			recording: recording.optional(),
			/** Where an imported talk came from, so re-imports find it again. */
			source: z
				.object({
					format: z.enum(['frab-xml', 'frab-json']).optional(),
					id: z.union([z.string(), z.number()]).optional(),
					guid: z.string().optional(),
					url: url.optional(),
				})
				.optional(),
			imported: importedFields.optional(),
		})
		.refine((talk) => !talk.start || talk.day, {
			error: 'expected "day" when "start" is given',
			path: ['day'],
		});
