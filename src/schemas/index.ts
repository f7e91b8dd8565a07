import type { CollectionName } from '../lib/collections';
import type { ReferenceFactory } from './common';
import { caseStudySchema } from './case-study';
import { eventSchema } from './event';
import { noteSchema } from './note';
import { personSchema } from './person';
import { recapSchema } from './recap';
import { sponsorSchema } from './sponsor';
import { talkSchema } from './talk';

/** Every collection's schema factory, keyed by collection name. */
export const schemas = {
	events: eventSchema,
	talks: talkSchema,
	people: personSchema,
	recaps: recapSchema,
	notes: noteSchema,
	sponsors: sponsorSchema,
	'case-studies': caseStudySchema,
} satisfies Record<CollectionName, (reference: ReferenceFactory) => unknown>;

export type { ReferenceFactory } from './common';
