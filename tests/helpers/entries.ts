import { z } from 'astro/zod';
import type { CollectionName } from '#lib/content/collections.ts';
import type { Entry, HubCollections } from '#lib/hub/hub-index.ts';
import { referenceById } from '#lib/validation/reference-by-id.ts';
import { schemas, type ReferenceFactory } from '#schemas/index.ts';
import type { EntryRef } from '#schemas/common.ts';

/**
 * Front matter as a contributor writes it for a collection: its schema's input, with each
 * reference an entry id (`speakers: ['ada']`), as in a Markdown file.
 */
export type FrontMatter<C extends CollectionName> = z.input<ReturnType<(typeof schemas)[C]>>;

// References are ids here, as the standalone checker reads them (src/lib/validation/).
const schemaOf = <C extends CollectionName>(collection: C) =>
	schemas[collection](referenceById as ReferenceFactory) as z.ZodType;

/** What Astro's loader knows of an entry's file besides its front matter. */
export interface EntryFile {
	/** Relative to the project, e.g. `content/talks/intro.md`. */
	filePath?: string;
	/** Changes whenever the file does. */
	digest?: string;
}

/**
 * An entry as `getCollection` gives it to the hub's code, made through its collection's schema:
 * defaults are filled, references become `{ collection, id }`, and a fixture the schema refuses
 * fails the test that made it, saying why, instead of testing data no build could produce.
 */
export function entry<C extends CollectionName>(
	collection: C,
	id: string,
	frontMatter: FrontMatter<C>,
	file: EntryFile = {},
): Entry<C> {
	const parsed = schemaOf(collection).safeParse(frontMatter);
	if (!parsed.success)
		throw new Error(
			`The test's ${collection} entry "${id}" does not pass its schema:\n${z.prettifyError(parsed.error)}`,
		);
	// The schema's output is the entry's data by construction (`CollectionData`); TypeScript cannot follow it through `C`.
	return { collection, id, data: parsed.data, ...file } as Entry<C>;
}

/** A reference as the schemas output it (`{ collection, id }`), to look an entry up or expect one; front matter names ids. */
export const ref = <C extends CollectionName>(collection: C, id: string): EntryRef<C> => ({
	collection,
	id,
});

/** A talk, the entry most tests make: `talk('intro', { title: 'Intro', event: 'conf' })`. */
export const talk = (id: string, frontMatter: FrontMatter<'talks'>) =>
	entry('talks', id, frontMatter);

/** The hub's collections from the entries a test gives, every other collection empty. */
export const hubCollections = (entries: Partial<HubCollections>): HubCollections => ({
	events: [],
	talks: [],
	people: [],
	recaps: [],
	notes: [],
	sponsors: [],
	'case-studies': [],
	topics: [],
	...entries,
});
