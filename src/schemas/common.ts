import { z } from 'astro/zod';

/** The collections of the hub, by the name Astro and the routes use. */
export const collectionNames = [
	'events',
	'talks',
	'people',
	'recaps',
	'notes',
	'sponsors',
	'case-studies',
] as const;
export type CollectionName = (typeof collectionNames)[number];

/** What a schema needs to express a relation, so one schema serves Astro and the standalone checker. */
export type ReferenceFactory = <C extends CollectionName>(collection: C) => z.ZodType<EntryRef<C>, unknown>;
/** A reference to an entry; typed by its collection so the hub's lookups return that collection's entries. */
export interface EntryRef<C extends string = string> {
	collection: C;
	id: string;
}

const plainDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2021-13-01 and 2021-02-30). */
export function isPlainDate(value: string): boolean {
	const match = plainDatePattern.exec(value);
	if (!match) return false;
	const [, y, m, d] = match.map(Number);
	const date = new Date(Date.UTC(y!, m! - 1, d!));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date without a time zone, kept as `YYYY-MM-DD`.
 * YAML parsers turn unquoted dates into `Date`s at UTC midnight, so those are accepted too.
 */
export const plainDate = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z.string({ error: 'expected a date written YYYY-MM-DD' }).refine(isPlainDate, {
		error: (issue) => `expected a real date written YYYY-MM-DD, found "${String(issue.input)}"`,
	}),
);

/** True for a time zone name the runtime's IANA database knows (`Europe/Brussels`). */
export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return value.includes('/') || value === 'UTC';
	} catch {
		return false;
	}
}

export const timeZone = z.string().refine(isTimeZone, {
	error: (issue) => `expected an IANA time zone such as "Europe/Brussels", found "${String(issue.input)}"`,
});

/** Tags are lower-case words joined by hyphens, so one concept has one spelling. */
export const tag = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
	error: (issue) => `expected a lower-case tag such as "build-infrastructure", found "${String(issue.input)}"`,
});
export const tags = z.array(tag).default([]);

export const url = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** A document a note or case study draws on; without `url` when the document has no known address. */
export const source = z.object({
	title: z.string().min(1),
	url: url.optional(),
});

/** A labelled outbound link (project page, slides, code, homepage...). */
export const link = z.object({
	kind: z.enum(['slides', 'project', 'code', 'homepage', 'article', 'schedule', 'other']).default('other'),
	title: z.string().min(1).optional(),
	url,
});
export type Link = z.output<typeof link>;

/**
 * What `npm run import` last wrote into an entry: a short hash per field (a list of item hashes
 * for lists), so a re-import can tell a contributor's edit from a schedule change.
 */
export const importedFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
