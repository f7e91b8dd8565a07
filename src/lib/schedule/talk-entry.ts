import { isHttpUrl } from '#schemas/common.ts';
import { languageTagPattern, talkKinds, type TalkSession } from '#schemas/talk.ts';
import { plainSummary, scheduleTextToMarkdown } from './html-to-markdown';
import { valueHash, type ImportedEntry } from './merge';
import type { ScheduleFormat, ScheduleReference, ScheduleTalk } from './model';

type TalkKind = (typeof talkKinds)[number];

/** frab/pretalx session types, lower-cased, that name one of our kinds differently. */
const kindAliases: Record<string, TalkKind> = {
	lightningtalk: 'lightning',
	'lightning talk': 'lightning',
	'lightning-talk': 'lightning',
	'hands-on': 'workshop',
	meeting: 'bof',
	'q&a': 'qa',
};

/**
 * Our kind for a frab/pretalx session type. Free-form types name their length too ("Workshop
 * 50 Minutes", "Lightning Talk (5 min)"): without it they are read like the plain type.
 */
export function talkKind(type: string | undefined): TalkKind {
	const written = type?.trim().toLowerCase() ?? '';
	const withoutLength = written
		.replace(/[\s,(–-]*\d+\s*(m|min|mins|minutes?|h|hours?)?\)?$/, '')
		.trim();
	for (const key of [written, withoutLength]) {
		if ((talkKinds as readonly string[]).includes(key)) return key as TalkKind;
		if (kindAliases[key]) return kindAliases[key];
	}
	return 'talk';
}

/** Video files by extension, as schedules link them (FOSDEM: WebM and MP4 since 2013, Ogg Theora and AVI before). */
const videoTypes: Record<string, string> = {
	webm: 'video/webm',
	mp4: 'video/mp4',
	mkv: 'video/x-matroska',
	ogv: 'video/ogg',
	ogg: 'video/ogg',
	avi: 'video/x-msvideo',
};

function recordingSource(reference: ScheduleReference) {
	const url = new URL(reference.url);
	const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
	if (/(^|\.)media\.ccc\.de$/.test(url.hostname))
		return { url: reference.url, provider: 'media-ccc' };
	if (/(^|\.)(youtube\.com|youtu\.be)$/.test(url.hostname))
		return { url: reference.url, provider: 'youtube' };
	if (/(^|\.)vimeo\.com$/.test(url.hostname)) return { url: reference.url, provider: 'vimeo' };
	if (extension && videoTypes[extension])
		return { url: reference.url, provider: 'file', type: videoTypes[extension] };
	return undefined;
}

/** Language tags as our schema writes them (`en`, `pt-BR`); anything else is left out. */
function languageTag(language: string | undefined): string | undefined {
	const tag = language?.trim().replace(/_/g, '-');
	if (!tag) return undefined;
	const [primary, ...rest] = tag.split('-');
	const normalised = [primary!.toLowerCase(), ...rest].join('-');
	return languageTagPattern.test(normalised) ? normalised : undefined;
}

export interface TalkEntryInput {
	talk: ScheduleTalk;
	format: ScheduleFormat;
	eventId: string;
	speakers: string[];
	day: string;
	start: string;
	/** The talk's other listings in the schedule, when it is held several times. */
	sessions?: TalkSession[];
}

/**
 * Which version of `talkEntry`'s output (with the Markdown conversion and the merge's snapshot)
 * a file's `imported.$schedule` hash was made by. Bump it whenever the same schedule would be
 * written differently: files imported by an older version are then converted again, not
 * skipped. `tests/integration/schedule/import-schedule.series.test.ts` fails until it is bumped.
 */
export const importerVersion = 2;

/**
 * A hash of everything `talkEntry` reads. When a file's `imported.$schedule` equals it, the
 * schedule says exactly what it said at the last import, and merging again could change
 * nothing: a re-import skips the talk (and its Markdown conversion, the slowest step).
 */
export function talkInputHash({
	talk,
	format,
	eventId,
	speakers,
	day,
	start,
	sessions,
}: TalkEntryInput): string {
	// Where the talk stands in the file changes nothing the import writes.
	const { location, ...fields } = talk;
	// Sessions join the hash only when there are some, so talks held once keep their hashes.
	return valueHash([
		importerVersion,
		format,
		eventId,
		speakers,
		day,
		start,
		fields,
		...(sessions ? [sessions] : []),
	]);
}

/** The front matter and body the importer writes for one talk. */
export function talkEntry(input: TalkEntryInput): ImportedEntry {
	const { talk, format, eventId, speakers, day, start, sessions } = input;
	const references = [...talk.links, ...talk.attachments].filter((reference) =>
		isHttpUrl(reference.url),
	);
	const recordings = references.flatMap((reference) => recordingSource(reference) ?? []);
	const links = references
		.filter((reference) => !recordingSource(reference))
		.map((reference) => ({
			kind: reference.type === 'slides' ? 'slides' : 'other',
			...(reference.title ? { title: reference.title } : {}),
			url: reference.url,
		}));
	const pageUrl = talk.url && isHttpUrl(talk.url) ? talk.url : undefined;
	const textFormat = format === 'frab-xml' ? 'html' : 'markdown';
	const abstract = scheduleTextToMarkdown(talk.abstract, textFormat, pageUrl);
	const description = scheduleTextToMarkdown(talk.description, textFormat, pageUrl);
	const body = [abstract, description === abstract ? '' : description].filter(Boolean).join('\n\n');
	const recording =
		recordings.length || talk.doNotRecord || talk.recordingLicence
			? {
					status:
						talk.doNotRecord && !recordings.length
							? 'not-recorded'
							: recordings.length
								? 'available'
								: 'unknown',
					...(talk.recordingLicence ? { licence: talk.recordingLicence } : {}),
					sources: recordings,
				}
			: undefined;
	const source = Object.fromEntries(
		Object.entries({
			format,
			id: talk.id,
			guid: talk.guid,
			url: talk.url && isHttpUrl(talk.url) ? talk.url : undefined,
		}).filter(([, value]) => value !== undefined),
	);
	return {
		fields: {
			title: talk.title,
			event: eventId,
			speakers,
			kind: talkKind(talk.type),
			summary: talk.subtitle ?? plainSummary(abstract),
			day,
			start,
			duration: talk.durationMinutes > 0 ? talk.durationMinutes : undefined,
			sessions: sessions?.length ? sessions : undefined,
			track: talk.track,
			room: talk.room,
			language: languageTag(talk.language),
			links,
			recording,
			source,
		},
		body,
		listFields: ['speakers', 'links'],
		extendFields: ['source'],
		inputHash: talkInputHash(input),
	};
}
