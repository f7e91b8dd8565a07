import type { CollectionName } from '../schemas/common';
import type { recordingStatuses, talkKinds } from '../schemas/talk';

/** How each talk kind reads on a page. */
export const talkKindLabels: Record<(typeof talkKinds)[number], string> = {
	talk: 'Talk',
	keynote: 'Keynote',
	demo: 'Demo',
	roundtable: 'Roundtable',
	panel: 'Panel',
	lightning: 'Lightning talk',
	workshop: 'Workshop',
	bof: 'BoF',
	qa: 'Q&A',
	discussion: 'Discussion',
	ceremony: 'Ceremony',
};

/** Singular and plural names of each collection, for headings and search filters. */
export const collectionLabels: Record<CollectionName, { one: string; many: string }> = {
	events: { one: 'Event', many: 'Events' },
	talks: { one: 'Talk', many: 'Talks' },
	people: { one: 'Person', many: 'People' },
	recaps: { one: 'Recap', many: 'Recaps' },
	notes: { one: 'Note', many: 'Notes' },
	sponsors: { one: 'Sponsor', many: 'Sponsors' },
	'case-studies': { one: 'Case study', many: 'Case studies' },
};

/**
 * What a talk page says about a recording it cannot show. An unknown state says nothing: the
 * page then shows what the event says about its recordings, if anything.
 */
export const recordingStatusLabels: Record<Exclude<(typeof recordingStatuses)[number], 'unknown'>, string> = {
	available: 'Recorded.',
	missing: 'This talk was recorded, but the hub does not know where the recording is. If you do, please add it.',
	'not-recorded': 'This talk was not recorded.',
};
