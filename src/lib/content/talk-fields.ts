import { formatDuration } from '#lib/view/dates.ts';
import { textFact } from '#lib/view/facts.ts';
import type { Entry } from '#lib/hub/hub-index.ts';
import { languageName } from '#lib/view/labels.ts';

type Talk = Entry<'talks'>;
type TalkLink = Talk['data']['links'][number];

/**
 * A talk field as readers meet it, described once. The talk page lists it among its facts (after
 * the speakers, the event and the time), search makes it a filter when it has a `facet`, and the
 * schedule exports carry what `linkNote` says. A new field is its schema line, an entry in
 * `talkFields` and a test (docs/architecture.md, "Adding a talk field").
 */
export interface TalkField {
	/** Names the field; as a facet, its Pagefind filter, the search page's `?key=` and the `--key` flag of `npm run search`. */
	key: string;
	/** Its label among the talk page's facts. */
	label: string;
	/** Its values as readers read them, for the page and the facet alike; none leaves both out. */
	values(talk: Talk): readonly string[];
	/** A search filter, with what `npm run search -- --help` says after its flag. */
	facet?: { hint: string } | undefined;
	/**
	 * What it adds to the title of an exported link. C3VOC's schedule.json allows a link only
	 * `type`, `url` and `title`, and a talk no property of its own, so a link's title is where a
	 * fact about the link travels (schedule.xml writes the same title as the `<link>` text).
	 */
	linkNote?: ((link: TalkLink) => string | undefined) | undefined;
}

const one = (value: string | undefined) => (value ? [value] : []);

/** The talk fields, in the order the talk page lists them. */
export const talkFields: readonly TalkField[] = [
	{ key: 'duration', label: 'Duration', values: (talk) => (talk.data.duration ? [formatDuration(talk.data.duration)] : []) },
	{ key: 'track', label: 'Track', values: (talk) => one(talk.data.track) },
	// A talk held several times names each session's room under "When" instead.
	{ key: 'room', label: 'Room', values: (talk) => (talk.data.sessions?.length ? [] : one(talk.data.room)) },
	{
		key: 'language',
		label: 'Language',
		values: (talk) => one(talk.data.language && languageName(talk.data.language)),
		facet: { hint: 'e.g. english' },
	},
	{
		key: 'slides-licence',
		label: 'Slides licence',
		values: (talk) => [...new Set(talk.data.links.flatMap((link) => one(link.licence)))],
		facet: { hint: 'e.g. cc-by-sa-40' },
		linkNote: (link) => link.licence && `licence: ${link.licence}`,
	},
];

/** A talk's facts from its fields, in order; `Facts.astro` leaves out those without values. */
export const talkFieldFacts = (talk: Talk) => talkFields.map((field) => textFact(field.label, field.values(talk).join(', ')));

/** What the fields add to an exported link's title, e.g. `licence: CC-BY-SA-4.0`; none when nothing. */
export const linkNotes = (link: TalkLink) => talkFields.flatMap((field) => one(field.linkNote?.(link)));
