import type { z } from 'astro/zod';
import type { CollectionName } from '#lib/content/collections.ts';
import type { ReferenceFactory } from './common';
import { caseStudySchema } from './case-study';
import { eventSchema } from './event';
import { noteSchema } from './note';
import { personSchema } from './person';
import { recapSchema } from './recap';
import { sponsorSchema } from './sponsor';
import { talkSchema } from './talk';
import { topicSchema } from './topic';

/** Every collection's schema factory, keyed by collection name. */
export const schemas = {
	events: eventSchema,
	talks: talkSchema,
	people: personSchema,
	recaps: recapSchema,
	notes: noteSchema,
	sponsors: sponsorSchema,
	'case-studies': caseStudySchema,
	topics: topicSchema,
} satisfies Record<CollectionName, (reference: ReferenceFactory) => unknown>;

/** An entry's front matter as its collection's schema outputs it: defaults filled, references as `{ collection, id }`. */
export type CollectionData<C extends CollectionName> = z.output<ReturnType<(typeof schemas)[C]>>;

export type { ReferenceFactory } from './common';
