import type { recordingStatuses, talkKinds } from '#schemas/talk.ts';
import { collectionInfo } from '#lib/content/collections.ts';
import type { Entry } from '#lib/hub/hub-index.ts';

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

/** What an entry is, as mixed lists say it: a talk by its kind ("Roundtable" says so, not "Talk"), others by their collection. */
export const entryKindLabel = (entry: Entry) =>
	entry.collection === 'talks'
		? talkKindLabels[entry.data.kind]
		: collectionInfo[entry.collection].one;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
/** How a talk's language tag reads: `en` → `English`, `pt-BR` → `Brazilian Portuguese`. */
export const languageName = (tag: string) => languageNames.of(tag) ?? tag;

/**
 * What a talk page says about a recording it cannot show. An unknown state says nothing: the
 * page then shows what the event says about its recordings, if anything.
 */
export const recordingStatusLabels: Record<
	Exclude<(typeof recordingStatuses)[number], 'unknown'>,
	string
> = {
	available: 'Recorded.',
	missing:
		'This talk was recorded, but the hub does not know where the recording is. If you do, please add it.',
	'not-recorded': 'This talk was not recorded.',
};

/** How a link reads without a title of its own, by its kind (`slides` → `Slides`). */
export const linkKindLabels: Readonly<Record<string, string>> = {
	slides: 'Slides',
	project: 'Project',
	code: 'Code',
	homepage: 'Homepage',
	article: 'Article',
	schedule: 'Schedule entry',
};
