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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
/** How a talk's language tag reads: `en` → `English`, `pt-BR` → `Brazilian Portuguese`. */
export const languageName = (tag: string) => languageNames.of(tag) ?? tag;

/** What a talk page says about a recording it cannot show. */
export const recordingStatusLabels: Record<(typeof recordingStatuses)[number], string> = {
	available: 'Recorded.',
	missing: 'This talk was recorded, but the hub does not know where the recording is. If you do, please add it.',
	'not-recorded': 'This talk was not recorded.',
	unknown: 'The hub does not know whether this talk was recorded.',
};
