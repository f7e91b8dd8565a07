/**
 * The registry of the hub's collections, the one place that lists them. Each collection's name
 * is its content folder (`content/talks/`) and its URL segment (`/talks/<id>/`); `one` and
 * `many` are how it reads on a page; `type` is what `npm run new -- <type>` and the search
 * filter `type` call one of its entries (the slug of `one`). The order is the header's.
 */
export const collectionInfo = {
	events: { one: 'Event', many: 'Events', type: 'event' },
	talks: { one: 'Talk', many: 'Talks', type: 'talk' },
	people: { one: 'Person', many: 'People', type: 'person' },
	recaps: { one: 'Recap', many: 'Recaps', type: 'recap' },
	notes: { one: 'Note', many: 'Notes', type: 'note' },
	sponsors: { one: 'Sponsor', many: 'Sponsors', type: 'sponsor' },
	'case-studies': { one: 'Case study', many: 'Case studies', type: 'case-study' },
	topics: { one: 'Topic', many: 'Topics', type: 'topic' },
} as const satisfies Record<string, { one: string; many: string; type: string }>;

export type CollectionName = keyof typeof collectionInfo;
/** What one entry of a collection is called on the command line: `talk`, `case-study`… */
export type EntryType = (typeof collectionInfo)[CollectionName]['type'];

export const collectionNames = Object.keys(collectionInfo) as CollectionName[];

export const isCollectionName = (name: string): name is CollectionName => Object.hasOwn(collectionInfo, name);

export const entryTypes = collectionNames.map((name) => collectionInfo[name].type);

/** The collection whose entries are of `type`, or undefined for a type the hub does not have. */
export const collectionOfType = (type: string): CollectionName | undefined => collectionNames.find((name) => collectionInfo[name].type === type);
