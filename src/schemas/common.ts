import { z } from 'astro/zod';
import type { CollectionName } from '#lib/content/collections.ts';
import { isPlainDate, isTimeZone } from '#lib/time.ts';

/** What a schema needs to express a relation, so one schema serves Astro and the standalone checker. */
export type ReferenceFactory = <C extends CollectionName>(
	collection: C,
) => z.ZodType<EntryRef<C>, unknown>;
/** A reference to an entry; typed by its collection so the hub's lookups return that collection's entries. */
export interface EntryRef<C extends string = string> {
	collection: C;
	id: string;
}

/**
 * A calendar date without a time zone, kept as `YYYY-MM-DD`.
 * YAML parsers turn unquoted dates into `Date`s at UTC midnight, so those are accepted too.
 */
export const plainDate = z.preprocess(
	(value) =>
		value instanceof Date && !Number.isNaN(value.getTime())
			? value.toISOString().slice(0, 10)
			: value,
	z.string({ error: 'expected a date written YYYY-MM-DD' }).refine(isPlainDate, {
		error: (issue) => `expected a real date written YYYY-MM-DD, found "${String(issue.input)}"`,
	}),
);

/** A 24-hour wall-clock time, `HH:MM`. */
export const clockTime = z
	.string()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a 24-hour time written HH:MM' });

export const timeZone = z.string().refine(isTimeZone, {
	error: (issue) =>
		`expected an IANA time zone such as "Europe/Brussels", found "${String(issue.input)}"`,
});

/** Tags are lower-case words joined by hyphens, so one concept has one spelling. */
export const tag = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
	error: (issue) =>
		`expected a lower-case tag such as "build-infrastructure", found "${String(issue.input)}"`,
});
export const tags = z.array(tag).default([]);

/**
 * The topics a hand-written entry covers (`topics: [musl]`), checked like every reference.
 * Talks are also matched to topics by the topics' rules at build time (docs/topics.md).
 */
export const topicRefs = (reference: ReferenceFactory) => z.array(reference('topics')).default([]);

/**
 * An absolute http(s) URL on a real host name or IPv4 address: hosts become Content-Security-
 * Policy sources, where a `;` (`https://a;script-src;.example/`) would add directives.
 */
export const url = z.url({
	protocol: /^https?$/,
	hostname: z.regexes.hostname,
	error: (issue) =>
		`expected an absolute http(s) URL on a host name such as "https://example.org/", found ${JSON.stringify(issue.input)}`,
});

/** Whether a text is a URL the schemas accept (the importer drops the others). */
export const isHttpUrl = (value: string) => url.safeParse(value).success;

/**
 * A title or name: one line of text. A line break would end the page's `<title>`, a card's
 * heading and an iCal or XML field mid-value, and it is invisible in review (a YAML `|` block).
 */
export const singleLine = z
	.string()
	.min(1)
	.refine((value) => !/[\r\n\u2028\u2029]/.test(value), {
		error: 'expected one line of text, found a line break',
	});

/** A document a note or case study draws on; without `url` when the document has no known address. */
export const source = z.object({
	title: singleLine,
	url: url.optional(),
});

/** A labelled outbound link (project page, slides, code, homepage...). */
export const link = z
	.object({
		kind: z
			.enum(['slides', 'project', 'code', 'homepage', 'article', 'schedule', 'other'])
			.default('other'),
		title: singleLine.optional(),
		url,
		/** The licence slides are under: an SPDX id (`CC-BY-SA-4.0`) or, for others, a name (`All rights reserved`). */
		licence: z.string().trim().min(1).max(100).optional(),
	})
	.refine((link) => !link.licence || link.kind === 'slides', {
		error: 'expected "licence" only on slides (kind: slides)',
		path: ['licence'],
	});

/**
 * What `npm run import` last wrote into an entry: a short hash per field (a list of item hashes
 * for lists), so a re-import can tell a contributor's edit from a schedule change.
 */
export const importedFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
