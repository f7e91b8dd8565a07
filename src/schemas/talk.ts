import { z } from 'astro/zod';
import {
	clockTime,
	importedFields,
	link,
	plainDate,
	singleLine,
	tags,
	topicRefs,
	url,
	type ReferenceFactory,
} from './common';

export const talkKinds = [
	'talk',
	'keynote',
	'demo',
	'roundtable',
	'panel',
	'lightning',
	'workshop',
	'bof',
	'qa',
	'discussion',
	'ceremony',
] as const;

export const recordingProviders = [
	'file',
	'peertube',
	'media-ccc',
	'youtube',
	'vimeo',
	'other',
] as const;
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

/**
 * One more time a talk is held (a workshop run daily): its own day, start, length and room.
 * The talk's own `day`, `start`, `duration` and `room` are its first session.
 */
export const talkSession = z.object({
	day: plainDate,
	start: clockTime,
	/** Length in minutes; the talk's `duration` when absent. */
	duration: z.int().positive().optional(),
	/** The talk's `room` when absent. */
	room: z.string().min(1).optional(),
});
export type TalkSession = z.output<typeof talkSession>;

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
			start: clockTime.optional(),
			/** Length in minutes. */
			duration: z.int().positive().optional(),
			/** The talk's further sessions, when it is held more than once; the fields above are its first. */
			sessions: z.array(talkSession).min(1).optional(),
			track: z.string().min(1).optional(),
			room: z.string().min(1).optional(),
			/** BCP 47 language tag of the talk, e.g. `en`. */
			language: z
				.string()
				.regex(languageTagPattern, { error: 'expected a language tag such as "en" or "pt-BR"' })
				.optional(),
			tags,
			topics: topicRefs(reference),
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
		})
		.refine((talk) => !talk.sessions || (talk.day && talk.start), {
			error: 'expected "day" and "start" (the first session) when "sessions" are given',
			path: ['sessions'],
		});
