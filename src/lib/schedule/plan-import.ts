import { createHash } from 'node:crypto';
import { isHttpUrl } from '#schemas/common.ts';
import { asciiId, isEntryId } from '#lib/content/entry-id.ts';
import { limits } from '#lib/content/limits.ts';
import { inputKey, mergeEntry, stableStringify, type Conflict, type ImportedEntry } from './merge';
import { scheduleTextToMarkdown } from './html-to-markdown';
import {
	ScheduleError,
	type Schedule,
	type ScheduleFormat,
	type SchedulePerson,
	type ScheduleProblem,
	type ScheduleTalk,
} from './model';
import {
	cleanName,
	compatibleNames,
	normaliseName,
	PeopleIndex,
	type KnownPerson,
} from './people-index';
import { seriesIdOf } from '#lib/hub/series.ts';
import { conferenceDay, nextDate, plainDateOf } from '#lib/time.ts';
import { talkEntry, talkInputHash } from './talk-entry';
import type { TalkSession } from '#schemas/talk.ts';
import { chooseTimeZone, settleTalkTime } from './times';

/** A content file as it is before the import. */
export interface ExistingEntry {
	id: string;
	/** Path inside the content tree, with `/`: `talks/fosdem-2020/linux-kernel.md`. */
	path: string;
	text: string;
	data: Record<string, unknown>;
}

export interface ExistingContent {
	events: ExistingEntry[];
	talks: ExistingEntry[];
	people: ExistingEntry[];
}

export interface ImportFilters {
	/** The event's id, for a single schedule; by default from the schedule's acronym or title. */
	eventId?: string | undefined;
	/** The series every schedule is an edition of, by id (`fosdem`); see `seriesName`. */
	series?: string | undefined;
	onlyTracks?: readonly string[] | undefined;
	/** Schedule ids, guids or slugs of the talks to import. */
	only?: readonly string[] | undefined;
	timeZone?: string | undefined;
}

export interface PlannedFile {
	path: string;
	text: string;
	created: boolean;
}

/** What one schedule became: an event (an edition, in a series import). */
export interface EditionPlan {
	file: string;
	eventId: string;
	/** First day, `YYYY-MM-DD`. */
	start: string;
	timeZone: string;
	talkCount: number;
	/** Talks imported before from this schedule that it no longer lists (kept, never deleted). */
	notInSchedule: string[];
}

/** A speaker the importer could not tell apart from people already in the hub. */
export interface Ambiguity {
	edition: string;
	name: string;
	scheduleId?: string | number | undefined;
	guid?: string | undefined;
	/** The entries the speaker might be. */
	candidates: string[];
	reason: string;
	/** The entry the speaker got instead of a guess. */
	createdAs: string;
}

export interface ImportPlan {
	/** In the order of their dates. */
	editions: EditionPlan[];
	warnings: string[];
	files: PlannedFile[];
	unchanged: string[];
	conflicts: (Conflict & { path: string })[];
	ambiguities: Ambiguity[];
	/** Talks the schedules list several times, each imported as one talk with all its sessions. */
	repeats: RepeatReport[];
	/** Where a schedule contradicts itself and which side the import took, a line each. */
	disagreements: string[];
	/** Speakers found by a stable id under another, compatible name. */
	renames: Rename[];
	talkCount: number;
}

/** A speaker found under a name another edition (or listing) spelled otherwise, by a stable id. */
export interface Rename {
	edition: string;
	scheduleId: string | number;
	from: string;
	to: string;
	/** The file of the person entry both names are. */
	path: string;
}

/** A talk held several times, for the summary: its file and every session. */
export interface RepeatReport {
	edition: string;
	path: string;
	sessions: { day: string; start: string; room?: string | undefined }[];
}

/** A schedule to import, and the name its messages use. */
export interface ScheduleInput {
	schedule: Schedule;
	file: string;
}

/** Room for `-99` after an id, so numbering a duplicate keeps it within the limit. */
const suffixRoom = 3;

/**
 * A file-name id for a title or slug, in `folder`: ASCII words joined by hyphens (CONTRIBUTING),
 * capped in bytes, and numbered when taken. Text with nothing ASCII in it (a CJK title, `!!!`)
 * falls back to `<kind>-<schedule id>`, and to a hash of the guid or id when those are not
 * ASCII either: the same schedule always gives the same ids.
 */
function freeId(
	text: string,
	taken: Set<string>,
	fallback: { kind: string; keys: unknown[] },
	folder = '',
): string {
	const room = limits.idBytes - suffixRoom;
	const key = fallback.keys.find(
		(value) => value !== undefined && value !== null && String(value) !== '',
	);
	const keyId = key === undefined ? '' : asciiId(String(key), room - fallback.kind.length - 1);
	const hash = createHash('sha256')
		.update(String(key ?? text))
		.digest('hex')
		.slice(0, 10);
	const leaf = asciiId(text, room) || `${fallback.kind}-${keyId || hash}`;
	const base = `${folder}${leaf}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

const asString = (value: unknown) =>
	value === undefined || value === null ? undefined : String(value);
/** Ids as the schedule means them: `427` in XML and `"427"` in JSON or a hand-written file are one id. */
const sameId = (a: unknown, b: unknown) =>
	a !== undefined && a !== null && b !== undefined && b !== null && String(a) === String(b);
/** A date as front matter gives it: Astro's YAML parser reads `2020-02-01` as a Date at UTC midnight. */
const plainDateText = (value: unknown) =>
	value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;
const withoutUndefined = (record: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

const talkKeys = (talk: ScheduleTalk) =>
	[asString(talk.id), talk.guid, talk.slug].filter(Boolean) as string[];

/** The talks `--only-track` and `--only` keep, and which of the names and ids asked for they found. */
function selectTalks(schedule: Schedule, filters: ImportFilters) {
	const tracks = new Set(filters.onlyTracks?.map((track) => track.toLowerCase()));
	const only = new Set(filters.only);
	const talks = schedule.talks.filter(
		(talk) =>
			(!tracks.size || (talk.track !== undefined && tracks.has(talk.track.toLowerCase()))) &&
			(!only.size || talkKeys(talk).some((key) => only.has(key))),
	);
	return {
		talks,
		tracksFound: talks.flatMap((talk) => talk.track?.toLowerCase() ?? []),
		keysFound: talks.flatMap(talkKeys),
	};
}

/** `--only-track` and `--only` values that no schedule of the import has: a typo, never "0 talks". */
function checkFilters(
	inputs: readonly ScheduleInput[],
	selections: readonly ReturnType<typeof selectTalks>[],
	filters: ImportFilters,
): void {
	const files = inputs.map((input) => input.file).join(', ');
	const tracksFound = new Set(selections.flatMap((selection) => selection.tracksFound));
	const unknownTracks = (filters.onlyTracks ?? []).filter(
		(track) => !tracksFound.has(track.toLowerCase()),
	);
	if (unknownTracks.length) {
		const tracks = [
			...new Set(
				inputs.flatMap((input) => input.schedule.talks.flatMap((talk) => talk.track ?? [])),
			),
		].sort();
		throw new ScheduleError(
			files,
			'--only-track',
			`no talk is in track ${unknownTracks.map((track) => `"${track}"`).join(', ')}; tracks are: ${tracks.join(', ')}`,
		);
	}
	const keysFound = new Set(selections.flatMap((selection) => selection.keysFound));
	const unknownKeys = (filters.only ?? []).filter((key) => !keysFound.has(key));
	if (unknownKeys.length)
		throw new ScheduleError(
			files,
			'--only',
			`no talk has the id, guid or slug ${unknownKeys.join(', ')}`,
		);
}

/** The key that says two listings are one talk: its guid, else (without guids) its id. */
const listingKey = (talk: ScheduleTalk) =>
	talk.guid ? `guid ${talk.guid}` : talk.id !== undefined ? `id ${talk.id}` : undefined;
/** Titles compared as a reader would: case and spacing aside. */
const sameTitle = (a: string, b: string) =>
	cleanName(a).toLowerCase() === cleanName(b).toLowerCase();

/** The listings of one talk held several times: the first (earliest) one and the others. */
interface Repeat {
	first: ScheduleTalk;
	others: ScheduleTalk[];
}

/**
 * Talks listed several times under one guid (or, without guids, one id) and one title: a
 * workshop held daily is one talk with several sessions. Under one guid with two titles, the
 * schedule means two talks and must say which is which first: that is refused, naming both.
 */
function groupRepeats(
	talks: readonly ScheduleTalk[],
	settled: ReadonlyMap<ScheduleTalk, { day: string; start: string }>,
) {
	const groups = new Map<string, ScheduleTalk[]>();
	const problems: ScheduleProblem[] = [];
	for (const talk of talks) {
		const key = listingKey(talk);
		if (!key) continue;
		const group = groups.get(key);
		if (!group) groups.set(key, [talk]);
		else if (sameTitle(group[0]!.title, talk.title)) group.push(talk);
		else {
			const kind = key.split(' ')[0];
			problems.push({
				location: talk.location,
				detail: `${key} is also the ${kind} of ${group[0]!.location}, but the titles differ ("${group[0]!.title}", "${talk.title}"): a talk held several times keeps its title, and each other talk needs its own ${kind}`,
			});
		}
	}
	const when = (talk: ScheduleTalk) => `${settled.get(talk)!.day}T${settled.get(talk)!.start}`;
	const repeats = new Map<ScheduleTalk, Repeat>();
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		const [first, ...others] = [...group].sort((a, b) => when(a).localeCompare(when(b)));
		const repeat = { first: first!, others };
		for (const talk of group) repeats.set(talk, repeat);
	}
	return { repeats, problems };
}

/**
 * A talk's further sessions as its file writes them (`sessions:`), from its other listings:
 * each one's day and start, and its length and room where they differ from the first's. A
 * listing at the very time and room of another says nothing new: `onDuplicate` hears of it.
 */
function furtherSessions(
	first: ScheduleTalk,
	others: readonly ScheduleTalk[],
	settled: ReadonlyMap<ScheduleTalk, { day: string; start: string }>,
	onDuplicate: (listing: ScheduleTalk) => void,
): TalkSession[] {
	const seen = new Set([stableStringify({ ...settled.get(first), room: first.room })]);
	return others.flatMap((other) => {
		const key = stableStringify({ ...settled.get(other), room: other.room });
		if (seen.has(key)) {
			onDuplicate(other);
			return [];
		}
		seen.add(key);
		return [
			withoutUndefined({
				...settled.get(other)!,
				duration:
					other.durationMinutes > 0 && other.durationMinutes !== first.durationMinutes
						? other.durationMinutes
						: undefined,
				room: other.room !== first.room ? other.room : undefined,
			}) as TalkSession,
		];
	});
}

/** Longer than this, a duration is more likely a typo (`999:00`) than a talk. */
const longestLikelyMinutes = 24 * 60;
const hasOffset = (dateTime: string | undefined) =>
	Boolean(dateTime && /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(dateTime));

/** Times the importer takes but questions: wall-clock times skipped by a clock change, absurd durations. */
function timeWarnings(
	talks: readonly ScheduleTalk[],
	settled: Map<ScheduleTalk, { day: string; start: string }>,
	timeZone: string,
	file: string,
): string[] {
	return talks.flatMap((talk) => {
		const warnings: string[] = [];
		const { day, start } = settled.get(talk)!;
		if (!hasOffset(talk.dateTime) && start !== talk.start) {
			warnings.push(
				`${file}: ${talk.location}: ${talk.start} does not exist on ${day} in ${timeZone} (the clocks go forward); imported as ${start}`,
			);
		}
		if (talk.durationMinutes > longestLikelyMinutes) {
			const written = `${Math.floor(talk.durationMinutes / 60)}:${String(talk.durationMinutes % 60).padStart(2, '0')}`;
			warnings.push(
				`${file}: ${talk.location}: a duration of ${written} (hours:minutes) is unusual; check it in the schedule`,
			);
		}
		return warnings;
	});
}

/** A schedule ready to plan: its event, zone, talk times and the talks the filters keep. */
interface Edition extends ScheduleInput {
	eventId: string;
	existingEvent: ExistingEntry | undefined;
	timeZone: string;
	zoneWarning: string | undefined;
	settled: Map<ScheduleTalk, { day: string; start: string }>;
	/** Every listing of a talk held several times, to its first listing and the others. */
	repeats: Map<ScheduleTalk, Repeat>;
	selection: ReturnType<typeof selectTalks>;
	/** Every day the event spans: its own dates, every talk's, and those of talks already in the hub. */
	days: string[];
	/** The event's `dayChange`, when talks after midnight need it. */
	dayChange: string | undefined;
	/** Person ids the schedule gives people of incompatible names: they identify no one. */
	sharedIds: Set<string>;
}

/** Person ids a schedule gives to several people (names no rename explains), such as wiki sessions' `0`. */
function sharedPersonIds(talks: readonly ScheduleTalk[]): Set<string> {
	const names = new Map<string, Set<string>>();
	for (const person of talks.flatMap((talk) => talk.persons)) {
		if (person.id === undefined) continue;
		const known = names.get(String(person.id)) ?? new Set();
		names.set(String(person.id), known.add(normaliseName(person.name)));
	}
	return new Set(
		[...names]
			.filter(([, spellings]) =>
				[...spellings].some((a) => [...spellings].some((b) => !compatibleNames(a, b))),
			)
			.map(([id]) => id),
	);
}

function prepareEdition(
	input: ScheduleInput,
	existing: ExistingContent,
	filters: ImportFilters,
): Edition {
	const { schedule, file } = input;
	const eventId =
		filters.eventId ??
		freeId(schedule.acronym ?? schedule.title, new Set(), { kind: 'event', keys: [] });
	const existingEvent = existing.events.find((event) => event.id === eventId);
	const zone = chooseTimeZone(schedule, file, {
		override: filters.timeZone,
		existing: asString(existingEvent?.data.timezone),
	});
	const dayStarts = new Map(schedule.days.map((day) => [day.date, day.dayStart]));
	const settled = new Map(
		schedule.talks.map((talk) => [
			talk,
			settleTalkTime(talk, zone.timeZone, dayStarts.get(talk.dayDate)),
		]),
	);
	const { repeats, problems } = groupRepeats(schedule.talks, settled);
	ScheduleError.throwAll(file, problems);
	const dayChange = afterMidnightDayChange(schedule, settled);
	// The event spans its own dates and every talk's programme day, so talks after midnight stay
	// inside it, and so do talks already in the hub (an earlier import of another day of it).
	const existingDays = existing.talks
		.filter((talk) => talk.data.event === eventId)
		.map((talk) => {
			const day = plainDateOf(plainDateText(talk.data.day));
			return day && conferenceDay(day, asString(talk.data.start), dayChange);
		});
	const talkDays = [...settled.values()].map(({ day, start }) =>
		conferenceDay(day, start, dayChange),
	);
	const days = [
		plainDateOf(schedule.start),
		plainDateOf(schedule.end),
		...talkDays,
		...existingDays,
	]
		.filter((day): day is string => Boolean(day))
		.sort();
	if (!days.length)
		throw new ScheduleError(
			file,
			'conference',
			'expected a start and end date or at least one talk',
		);
	return {
		...input,
		eventId,
		existingEvent,
		timeZone: zone.timeZone,
		zoneWarning: zone.warning,
		settled,
		repeats,
		selection: selectTalks(schedule, filters),
		days,
		dayChange,
		sharedIds: sharedPersonIds(schedule.talks),
	};
}

/**
 * The hour the schedule's days change (`<day start>`, frab's `day_change`, pretalx's
 * `day_start`), when some talk listed under a day happens after the next midnight: the event
 * records it so the programme shows such talks at the end of the day they are listed under.
 */
function afterMidnightDayChange(
	schedule: Schedule,
	settled: ReadonlyMap<ScheduleTalk, { day: string; start: string }>,
): string | undefined {
	const dayStarts = new Map(schedule.days.map((day) => [day.date, day.dayStart]));
	for (const [talk, { day, start }] of settled) {
		const dayStart = dayStarts.get(talk.dayDate);
		if (dayStart && day === nextDate(talk.dayDate) && start < dayStart) return dayStart;
	}
	return undefined;
}

/**
 * The name events write in `series` for the series `id`: the name the hub's events already
 * use (`FOSDEM` for `fosdem`), else what the schedules' titles share once the year is taken
 * out (`FOSDEM 2019` → `FOSDEM`), else the id itself.
 */
export function seriesName(
	id: string,
	events: readonly ExistingEntry[],
	schedules: readonly Schedule[],
): string {
	const known = events
		.map((event) => event.data.series)
		.find((name) => typeof name === 'string' && seriesIdOf(name) === id);
	if (typeof known === 'string') return known;
	const fromTitles = new Set(
		schedules.map((schedule) =>
			schedule.title
				.replace(/\b(19|20)\d{2}\b/g, '')
				.replace(/\s+/g, ' ')
				.trim(),
		),
	);
	const [title] = fromTitles;
	return fromTitles.size === 1 && title && seriesIdOf(title) === id ? title : id;
}

/** What the importer knows of a person entry from its front matter. */
function knownPerson(entry: ExistingEntry): KnownPerson {
	const source = (entry.data.source ?? {}) as { guid?: unknown; ids?: unknown };
	const list = (value: unknown) =>
		(Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(
			String,
		);
	const ids =
		source.ids && typeof source.ids === 'object'
			? Object.entries(source.ids as Record<string, unknown>)
			: [];
	return {
		id: entry.id,
		name: String(entry.data.name ?? ''),
		aliases: list(entry.data.aliases),
		guids: list(source.guid),
		ids: new Map(ids.map(([edition, value]) => [edition, list(value)])),
	};
}

type ScheduleId = string | number;

/** One person as this import sees them, across the editions it imports. */
interface PlannedPerson {
	/** Each edition's spelling of the name, by the edition's first day. */
	spellings: { name: string; date: string }[];
	/** Each edition's biography of the person, if its schedule has one. */
	biographies: { text: string; format: ScheduleFormat; date: string }[];
	guids: string[];
	ids: Map<string, ScheduleId[]>;
}

/**
 * Finds or creates the entry of each speaker, edition after edition, through one `PeopleIndex`
 * (`people-index.ts`), and works out each person's file once all editions are planned.
 */
class SpeakerPlanner {
	private readonly index: PeopleIndex;
	private readonly entries: Map<string, ExistingEntry>;
	private readonly taken: Set<string>;
	readonly planned = new Map<string, PlannedPerson>();
	readonly ambiguities: Ambiguity[] = [];
	readonly renames: Rename[] = [];

	constructor(people: readonly ExistingEntry[]) {
		this.index = new PeopleIndex(people.map(knownPerson));
		this.entries = new Map(people.map((person) => [person.id, person]));
		this.taken = new Set(people.map((person) => person.id));
	}

	speakerId(
		person: SchedulePerson,
		edition: {
			eventId: string;
			date: string;
			format: ScheduleFormat;
			sharedIds: ReadonlySet<string>;
		},
	): string {
		// An id the edition gives several people (every wiki session's `0`) is no one's id.
		const match = this.index.find(
			person.id !== undefined && edition.sharedIds.has(String(person.id))
				? { ...person, id: undefined }
				: person,
			edition.eventId,
		);
		if (match.by === 'renamed') {
			const planned = this.planned.get(match.found!);
			const formerName =
				planned?.spellings.at(-1)?.name ??
				String(this.entries.get(match.found!)?.data.name ?? match.found);
			if (normaliseName(formerName) !== normaliseName(person.name)) {
				this.renames.push({
					edition: edition.eventId,
					scheduleId: person.id!,
					from: formerName,
					to: cleanName(person.name),
					path: this.entries.get(match.found!)?.path ?? `people/${match.found}.md`,
				});
			}
		}
		let id = match.found;
		if (!id) {
			id = freeId(person.name, this.taken, {
				kind: 'person',
				keys: [person.id, person.guid, person.name],
			});
			if (match.ambiguous) {
				this.ambiguities.push({
					edition: edition.eventId,
					name: person.name,
					scheduleId: person.id,
					guid: person.guid,
					...match.ambiguous,
					createdAs: id,
				});
			}
		}
		// Later editions find this entry by its ids and guid too, and a new one by its name.
		const ids =
			person.id === undefined ? undefined : new Map([[edition.eventId, [String(person.id)]]]);
		// A new spelling found by its id is remembered, so later editions find it by name too.
		this.index.remember({
			id,
			name: match.found && match.by !== 'renamed' ? '' : person.name,
			guids: person.guid ? [person.guid] : [],
			ids,
		});

		let planned = this.planned.get(id);
		if (!planned)
			this.planned.set(
				id,
				(planned = { spellings: [], biographies: [], guids: [], ids: new Map() }),
			);
		planned.spellings.push({ name: cleanName(person.name), date: edition.date });
		if (person.biography)
			planned.biographies.push({
				text: person.biography,
				format: edition.format,
				date: edition.date,
			});
		if (person.guid && !planned.guids.includes(person.guid)) planned.guids.push(person.guid);
		if (person.id !== undefined) {
			const editionIds = planned.ids.get(edition.eventId) ?? [];
			if (!editionIds.some((known) => sameId(known, person.id)))
				planned.ids.set(edition.eventId, [...editionIds, person.id]);
		}
		return id;
	}

	/**
	 * Each person's imported fields. The name follows the newest edition they spoke at: an import
	 * of an older edition leaves a newer spelling alone. Source ids and guids are added to those
	 * recorded, never replaced: each edition keeps its own.
	 */
	entry(
		id: string,
		editionDates: ReadonlyMap<string, string>,
	): { path: string; existing: ExistingEntry | undefined; entry: ImportedEntry } {
		const planned = this.planned.get(id)!;
		const existing = this.entries.get(id);
		const known = (existing?.data.source ?? {}) as {
			guid?: unknown;
			ids?: Record<string, unknown>;
		};
		const newest = planned.spellings.reduce((a, b) => (b.date >= a.date ? b : a));
		const newestKnown = Object.keys(known.ids ?? {})
			.map((edition) => editionDates.get(edition) ?? '')
			.reduce((a, b) => (b > a ? b : a), '');

		const guids = [
			...new Set([
				...(Array.isArray(known.guid) ? known.guid : known.guid ? [known.guid] : []).map(String),
				...planned.guids,
			]),
		];
		const ids: Record<string, unknown> = { ...known.ids };
		for (const [edition, scheduleIds] of planned.ids) {
			const before = known.ids?.[edition];
			const merged = [...(Array.isArray(before) ? before : before === undefined ? [] : [before])];
			for (const scheduleId of scheduleIds)
				if (!merged.some((value) => sameId(value, scheduleId))) merged.push(scheduleId);
			ids[edition] = merged.length === 1 ? merged[0] : merged;
		}
		const source = withoutUndefined({
			guid: guids.length > 1 ? guids : guids[0],
			ids: Object.keys(ids).length ? ids : undefined,
		});
		const older = Boolean(existing && newest.date < newestKnown);
		// The body is the newest biography a schedule gave, merged as a talk's abstract is.
		const biography = planned.biographies.reduce<PlannedPerson['biographies'][number] | undefined>(
			(a, b) => (!a || b.date >= a.date ? b : a),
			undefined,
		);
		return {
			path: existing?.path ?? `people/${id}.md`,
			existing,
			entry: {
				fields: { name: newest.name, source: Object.keys(source).length ? source : undefined },
				...(biography && !older
					? {
							body: scheduleTextToMarkdown(
								biography.text,
								biography.format === 'frab-xml' ? 'html' : 'markdown',
							),
						}
					: {}),
				listFields: [],
				extendFields: ['source'],
				keepFields: older ? ['name'] : [],
			},
		};
	}
}

/**
 * Works out every file an import of one or more schedules writes, merged with what is already
 * there, without touching the disk: each schedule's event (an edition of `filters.series`), one
 * file per talk (`talks/<event>/<slug>.md`) and each speaker, once however many editions they
 * spoke at.
 */
export function planImport(
	inputs: readonly ScheduleInput[],
	existing: ExistingContent,
	filters: ImportFilters = {},
	onProgress?: (done: number, total: number) => void,
): ImportPlan {
	if (filters.eventId !== undefined) {
		if (!isEntryId(filters.eventId)) {
			const suggestion = asciiId(filters.eventId, limits.idBytes);
			throw new ScheduleError(
				'--event',
				JSON.stringify(filters.eventId),
				`expected an id written like a file name: lower-case ASCII words joined by hyphens${suggestion ? `, such as "${suggestion}"` : ''}`,
			);
		}
		if (inputs.length > 1)
			throw new ScheduleError(
				'--event',
				filters.eventId,
				'names one event, but several schedules are imported: each edition takes its id from its own acronym or title',
			);
	}
	if (
		filters.series !== undefined &&
		(!isEntryId(filters.series) || filters.series.includes('/'))
	) {
		throw new ScheduleError(
			'--series',
			JSON.stringify(filters.series),
			`expected an id written like a file name, such as "${asciiId(filters.series, limits.idBytes) || 'fosdem'}"`,
		);
	}
	const series =
		filters.series === undefined
			? undefined
			: seriesName(
					filters.series,
					existing.events,
					inputs.map((input) => input.schedule),
				);

	const editions = inputs
		.map((input) => prepareEdition(input, existing, filters))
		.sort((a, b) => a.days[0]!.localeCompare(b.days[0]!));
	const byEvent = new Map<string, Edition>();
	for (const edition of editions) {
		const other = byEvent.get(edition.eventId);
		if (other)
			throw new ScheduleError(
				edition.file,
				'event',
				`is the event "${edition.eventId}", as ${other.file} is: import one schedule per edition`,
			);
		byEvent.set(edition.eventId, edition);
	}
	checkFilters(
		editions,
		editions.map((edition) => edition.selection),
		filters,
	);

	const files: PlannedFile[] = [];
	const unchanged: string[] = [];
	const conflicts: ImportPlan['conflicts'] = [];
	const warnings: string[] = [];
	const plan = (path: string, existingEntry: ExistingEntry | undefined, entry: ImportedEntry) => {
		let result: ReturnType<typeof mergeEntry>;
		try {
			result = mergeEntry(existingEntry?.text, entry, existingEntry?.data);
		} catch (error) {
			throw new ScheduleError(path, 'front matter', (error as Error).message);
		}
		conflicts.push(...result.conflicts.map((conflict) => ({ ...conflict, path })));
		if (result.text === undefined) unchanged.push(path);
		else files.push({ path, text: result.text, created: existingEntry === undefined });
	};

	const speakers = new SpeakerPlanner(existing.people);
	const repeatReports: RepeatReport[] = [];
	const takenTalkIds = new Set(existing.talks.map((talk) => talk.id));
	// A talk held several times is planned once, from its first listing, the others being its sessions.
	const talksOf = (edition: Edition) => [
		...new Set(edition.selection.talks.map((talk) => edition.repeats.get(talk)?.first ?? talk)),
	];
	const total = editions.reduce((sum, edition) => sum + talksOf(edition).length, 0);
	let done = 0;
	const editionPlans = editions.map((edition): EditionPlan => {
		const { schedule, file, eventId, existingEvent, settled, days, repeats } = edition;
		warnings.push(
			...schedule.warnings.map((warning) => `${file}: ${warning.location}: ${warning.detail}`),
			...(edition.zoneWarning ? [edition.zoneWarning] : []),
			...timeWarnings(edition.selection.talks, settled, edition.timeZone, file),
		);
		const talks = talksOf(edition);
		plan(existingEvent?.path ?? `events/${eventId}.md`, existingEvent, {
			fields: {
				title: schedule.title,
				series,
				start: days[0],
				end: days.at(-1),
				timezone: edition.timeZone,
				dayChange: edition.dayChange,
				venue: schedule.venue,
				city: schedule.city,
				website: schedule.url && isHttpUrl(schedule.url) ? schedule.url : undefined,
			},
			listFields: [],
		});

		const eventTalks = existing.talks.filter((talk) => talk.data.event === eventId);
		const talkByGuid = new Map<string, ExistingEntry>();
		const talkById = new Map<string, ExistingEntry>();
		for (const talk of eventTalks) {
			const source = sourceOf(talk);
			if (source.guid) talkByGuid.set(String(source.guid), talk);
			if (source.id !== undefined && source.id !== null) talkById.set(String(source.id), talk);
		}
		/**
		 * A talk is found by its guid; by its id only when neither side has a guid to tell them apart.
		 * A talk whose id matches but whose guid differs is another talk: it gets a file of its own.
		 */
		const findTalk = (talk: ScheduleTalk) => {
			if (talk.guid && talkByGuid.has(talk.guid)) return talkByGuid.get(talk.guid);
			const byId = talk.id === undefined ? undefined : talkById.get(String(talk.id));
			const knownGuid = byId && sourceOf(byId).guid;
			if (!byId || !knownGuid || !talk.guid) return byId;
			warnings.push(
				`${file}: ${talk.location}: id ${talk.id} is the id of ${byId.path}, but the guids differ (${String(knownGuid)}, ${talk.guid}): imported as another talk`,
			);
			return undefined;
		};
		const acronymPrefix = new RegExp(
			`^${(schedule.acronym ?? eventId).replace(/[^a-z0-9]/gi, '.')}[-_]`,
			'i',
		);
		const date = days[0]!;

		for (const talk of talks) {
			const existingTalk = findTalk(talk);
			const path =
				existingTalk?.path ??
				`talks/${freeId((talk.slug ?? talk.title).replace(acronymPrefix, ''), takenTalkIds, { kind: 'talk', keys: [talk.id, talk.guid, talk.title] }, `${eventId}/`)}.md`;
			const others = repeats.get(talk)?.others ?? [];
			const sessions = furtherSessions(talk, others, settled, (other) =>
				warnings.push(
					`${file}: ${other.location}: listed again at the time and room of ${talk.location}; imported once`,
				),
			);
			if (others.length)
				repeatReports.push({
					edition: eventId,
					path,
					sessions: [
						{ ...settled.get(talk)!, room: talk.room },
						...sessions.map((session) => ({ ...session, room: session.room ?? talk.room })),
					],
				});
			// Each session may have its own speakers: the talk has them all, each once.
			const persons = [
				...new Map(
					[talk, ...others]
						.flatMap((listing) => listing.persons)
						.map((person) => [stableStringify(person), person]),
				).values(),
			];
			const input = {
				talk,
				format: schedule.format,
				eventId,
				speakers: [
					...new Set(
						persons.map((person) =>
							speakers.speakerId(person, {
								eventId,
								date,
								format: schedule.format,
								sharedIds: edition.sharedIds,
							}),
						),
					),
				],
				...settled.get(talk)!,
				...(sessions.length ? { sessions } : {}),
			};
			onProgress?.(++done, total);
			if (
				existingTalk &&
				(existingTalk.data.imported as Record<string, unknown> | undefined)?.[inputKey] ===
					talkInputHash(input)
			) {
				unchanged.push(path);
				continue;
			}
			const entry = talkEntry(input);
			// Keep the id as the file writes it (`"427"`), so an unchanged id is no conflict.
			const knownId = existingTalk && sourceOf(existingTalk).id;
			const source = entry.fields.source as { id?: unknown };
			if (sameId(knownId, source.id)) entry.fields.source = { ...source, id: knownId };
			plan(path, existingTalk, entry);
		}

		const listed = new Set(
			schedule.talks.flatMap((talk) => [
				talk.guid && `guid:${talk.guid}`,
				talk.id !== undefined && `id:${talk.id}`,
			]),
		);
		const notInSchedule = eventTalks
			.filter((talk) => {
				const source = sourceOf(talk);
				return (
					source.format && !listed.has(`guid:${source.guid}`) && !listed.has(`id:${source.id}`)
				);
			})
			.map((talk) => talk.path);
		return {
			file,
			eventId,
			start: date,
			timeZone: edition.timeZone,
			talkCount: talks.length,
			notInSchedule,
		};
	});

	const editionDates = new Map(
		existing.events.flatMap((event) =>
			plainDateOf(plainDateText(event.data.start))
				? [[event.id, plainDateOf(plainDateText(event.data.start))!] as const]
				: [],
		),
	);
	for (const edition of editionPlans) editionDates.set(edition.eventId, edition.start);
	for (const id of speakers.planned.keys()) {
		const { path, existing: person, entry } = speakers.entry(id, editionDates);
		plan(path, person, entry);
	}

	return {
		editions: editionPlans,
		warnings,
		files,
		unchanged,
		conflicts,
		ambiguities: speakers.ambiguities,
		repeats: repeatReports,
		renames: speakers.renames,
		disagreements: editions.flatMap(({ file, schedule }) =>
			(schedule.roomDisagreements ?? []).map(({ listedIn, eventSays, events }) => {
				const [listed, says] =
					schedule.format === 'frab-xml'
						? [`<room name="${listedIn}">`, `<room>${eventSays}</room>`]
						: [`rooms["${listedIn}"]`, `"room": "${eventSays}"`];
				return `${file}: ${events === 1 ? '1 event' : `${events} events`} in ${listed} ${events === 1 ? 'says' : 'say'} ${says}; imported in "${listedIn}"`;
			}),
		),
		talkCount: editionPlans.reduce((sum, edition) => sum + edition.talkCount, 0),
	};
}

const sourceOf = (talk: ExistingEntry) =>
	(talk.data.source ?? {}) as { id?: unknown; guid?: unknown; format?: unknown };
