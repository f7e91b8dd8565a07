import { createHash } from 'node:crypto';
import { isHttpUrl } from '../../schemas/common';
import { asciiId, isEntryId } from '../entry-id';
import { limits } from '../limits';
import { mergeEntry, type Conflict, type ImportedEntry } from './merge';
import { ScheduleError, type Schedule, type SchedulePerson, type ScheduleProblem, type ScheduleTalk } from './model';
import { talkEntry } from './talk-entry';
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
	/** The event's id; by default from the schedule's acronym or title. */
	eventId?: string | undefined;
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

export interface ImportPlan {
	eventId: string;
	timeZone: string;
	warnings: string[];
	files: PlannedFile[];
	unchanged: string[];
	conflicts: (Conflict & { path: string })[];
	/** Talks imported before from this schedule that it no longer lists (kept, never deleted). */
	notInSchedule: string[];
	talkCount: number;
}

/** `José Ñúñez ` → `jose nunez`: the key people are matched by when no id or guid says more. */
export const normaliseName = (name: string) =>
	name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Room for `-99` after an id, so numbering a duplicate keeps it within the limit. */
const suffixRoom = 3;

/**
 * A file-name id for a title or slug, in `folder`: ASCII words joined by hyphens (CONTRIBUTING),
 * capped in bytes, and numbered when taken. Text with nothing ASCII in it (a CJK title, `!!!`)
 * falls back to `<kind>-<schedule id>`, and to a hash of the guid or id when those are not
 * ASCII either: the same schedule always gives the same ids.
 */
function freeId(text: string, taken: Set<string>, fallback: { kind: string; keys: unknown[] }, folder = ''): string {
	const room = limits.idBytes - suffixRoom;
	const key = fallback.keys.find((value) => value !== undefined && value !== null && String(value) !== '');
	const keyId = key === undefined ? '' : asciiId(String(key), room - fallback.kind.length - 1);
	const hash = createHash('sha256').update(String(key ?? text)).digest('hex').slice(0, 10);
	const leaf = asciiId(text, room) || `${fallback.kind}-${keyId || hash}`;
	const base = `${folder}${leaf}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

const asString = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
/** Ids as the schedule means them: `427` in XML and `"427"` in JSON or a hand-written file are one id. */
const sameId = (a: unknown, b: unknown) => a !== undefined && a !== null && b !== undefined && b !== null && String(a) === String(b);
const dateOnly = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);
/** A date as front matter gives it: Astro's YAML parser reads `2020-02-01` as a Date at UTC midnight. */
const plainDateText = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined);
const withoutUndefined = (record: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** Finds people already in the hub, by guid, then id and name, then name alone. */
class PeopleIndex {
	private byGuid = new Map<string, string>();
	private byIdAndName = new Map<string, string>();
	private byName = new Map<string, string>();
	readonly taken = new Set<string>();

	constructor(people: ExistingEntry[]) {
		for (const person of people) {
			const source = (person.data.source ?? {}) as { id?: unknown; guid?: unknown };
			this.remember(person.id, String(person.data.name ?? ''), asString(source.id), asString(source.guid));
		}
	}

	remember(id: string, name: string, sourceId?: string, guid?: string) {
		this.taken.add(id);
		const key = normaliseName(name);
		if (guid) this.byGuid.set(guid, id);
		if (sourceId) this.byIdAndName.set(`${sourceId}\n${key}`, id);
		if (!this.byName.has(key)) this.byName.set(key, id);
	}

	/** Ids are per system (FOSDEM's 26 is not pretalx's 26), so an id alone never matches. */
	find(person: SchedulePerson): string | undefined {
		const key = normaliseName(person.name);
		return (
			(person.guid && this.byGuid.get(person.guid)) ||
			(person.id !== undefined && this.byIdAndName.get(`${person.id}\n${key}`)) ||
			this.byName.get(key)
		);
	}
}

function selectTalks(schedule: Schedule, file: string, filters: ImportFilters): ScheduleTalk[] {
	let talks = schedule.talks;
	if (filters.onlyTracks?.length) {
		const wanted = new Map(filters.onlyTracks.map((track) => [track.toLowerCase(), track]));
		const matched = new Set<string>();
		talks = talks.filter((talk) => {
			const key = talk.track?.toLowerCase();
			if (key && wanted.has(key)) matched.add(key);
			return key !== undefined && wanted.has(key);
		});
		const unknown = [...wanted].filter(([key]) => !matched.has(key)).map(([, track]) => `"${track}"`);
		if (unknown.length) {
			const tracks = [...new Set(schedule.talks.flatMap((talk) => talk.track ?? []))].sort();
			throw new ScheduleError(file, '--only-track', `no talk is in track ${unknown.join(', ')}; tracks are: ${tracks.join(', ')}`);
		}
	}
	if (filters.only?.length) {
		const wanted = new Set(filters.only);
		const keys = (talk: ScheduleTalk) => [asString(talk.id), talk.guid, talk.slug].filter(Boolean) as string[];
		talks = talks.filter((talk) => keys(talk).some((key) => wanted.has(key)));
		const found = new Set(talks.flatMap(keys));
		const unknown = [...wanted].filter((key) => !found.has(key));
		if (unknown.length) throw new ScheduleError(file, '--only', `no talk has the id, guid or slug ${unknown.join(', ')}`);
	}
	return talks;
}

/**
 * Two talks with one guid (or, without guids, one id) would take turns in one file at every
 * import: the schedule must say which is which first.
 */
function duplicates(talks: readonly ScheduleTalk[]): ScheduleProblem[] {
	const seen = new Map<string, ScheduleTalk>();
	const problems: ScheduleProblem[] = [];
	for (const talk of talks) {
		const key = talk.guid ? `guid ${talk.guid}` : talk.id !== undefined ? `id ${talk.id}` : undefined;
		if (!key) continue;
		const first = seen.get(key);
		if (first) problems.push({ location: talk.location, detail: `${key} is also the ${key.split(' ')[0]} of ${first.location}; each talk needs its own` });
		else seen.set(key, talk);
	}
	return problems;
}

/** Longer than this, a duration is more likely a typo (`999:00`) than a talk. */
const longestLikelyMinutes = 24 * 60;
const hasOffset = (dateTime: string | undefined) => Boolean(dateTime && /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(dateTime));

/** Times the importer takes but questions: wall-clock times skipped by a clock change, absurd durations. */
function timeWarnings(talks: readonly ScheduleTalk[], settled: Map<ScheduleTalk, { day: string; start: string }>, timeZone: string, file: string): string[] {
	return talks.flatMap((talk) => {
		const warnings: string[] = [];
		const { day, start } = settled.get(talk)!;
		if (!hasOffset(talk.dateTime) && start !== talk.start) {
			warnings.push(`${file}: ${talk.location}: ${talk.start} does not exist on ${day} in ${timeZone} (the clocks go forward); imported as ${start}`);
		}
		if (talk.durationMinutes > longestLikelyMinutes) {
			const written = `${Math.floor(talk.durationMinutes / 60)}:${String(talk.durationMinutes % 60).padStart(2, '0')}`;
			warnings.push(`${file}: ${talk.location}: a duration of ${written} (hours:minutes) is unusual; check it in the schedule`);
		}
		return warnings;
	});
}

/**
 * Works out every file an import writes, merged with what is already there, without touching
 * the disk: the event, one file per talk (`talks/<event>/<slug>.md`) and each speaker.
 */
export function planImport(
	schedule: Schedule,
	file: string,
	existing: ExistingContent,
	filters: ImportFilters = {},
	onProgress?: (done: number, total: number) => void,
): ImportPlan {
	if (filters.eventId !== undefined && !isEntryId(filters.eventId)) {
		const suggestion = asciiId(filters.eventId, limits.idBytes);
		throw new ScheduleError('--event', JSON.stringify(filters.eventId), `expected an id written like a file name: lower-case ASCII words joined by hyphens${suggestion ? `, such as "${suggestion}"` : ''}`);
	}
	const eventId = filters.eventId ?? freeId(schedule.acronym ?? schedule.title, new Set(), { kind: 'event', keys: [] });
	const existingEvent = existing.events.find((event) => event.id === eventId);
	const zone = chooseTimeZone(schedule, file, { override: filters.timeZone, existing: asString(existingEvent?.data.timezone) });
	const dayStarts = new Map(schedule.days.map((day) => [day.date, day.dayStart]));
	const settled = new Map(
		schedule.talks.map((talk) => [talk, settleTalkTime(talk, zone.timeZone, dayStarts.get(talk.dayDate))]),
	);
	const talks = selectTalks(schedule, file, filters);
	ScheduleError.throwAll(file, duplicates(schedule.talks));
	const warnings: string[] = [...(zone.warning ? [zone.warning] : []), ...timeWarnings(talks, settled, zone.timeZone, file)];

	const files: PlannedFile[] = [];
	const unchanged: string[] = [];
	const conflicts: ImportPlan['conflicts'] = [];
	const plan = (path: string, existingText: string | undefined, entry: ImportedEntry) => {
		let result: ReturnType<typeof mergeEntry>;
		try {
			result = mergeEntry(existingText, entry);
		} catch (error) {
			throw new ScheduleError(path, 'front matter', (error as Error).message);
		}
		conflicts.push(...result.conflicts.map((conflict) => ({ ...conflict, path })));
		if (result.text === undefined) unchanged.push(path);
		else files.push({ path, text: result.text, created: existingText === undefined });
	};

	// The event spans its own dates and every talk, so talks after midnight stay inside it, and
	// so do talks already in the hub (an earlier import of another day of the same event).
	const existingDays = existing.talks.filter((talk) => talk.data.event === eventId).map((talk) => dateOnly(plainDateText(talk.data.day)));
	const days = [dateOnly(schedule.start), dateOnly(schedule.end), ...[...settled.values()].map(({ day }) => day), ...existingDays]
		.filter((day): day is string => Boolean(day))
		.sort();
	if (!days.length) throw new ScheduleError(file, 'conference', 'expected a start and end date or at least one talk');
	plan(existingEvent?.path ?? `events/${eventId}.md`, existingEvent?.text, {
		fields: {
			title: schedule.title,
			start: days[0],
			end: days.at(-1),
			timezone: zone.timeZone,
			venue: schedule.venue,
			city: schedule.city,
			website: schedule.url && isHttpUrl(schedule.url) ? schedule.url : undefined,
		},
		listFields: [],
	});

	const peopleIndex = new PeopleIndex(existing.people);
	const peopleById = new Map(existing.people.map((person) => [person.id, person]));
	const plannedPeople = new Map<string, ImportedEntry>();
	const speakerIds = (talk: ScheduleTalk) =>
		talk.persons.map((person) => {
			let id = peopleIndex.find(person);
			if (!id) {
				id = freeId(person.name, peopleIndex.taken, { kind: 'person', keys: [person.id, person.guid, person.name] });
				peopleIndex.remember(id, person.name, asString(person.id), person.guid);
			}
			if (!plannedPeople.has(id)) {
				const known = (peopleById.get(id)?.data.source ?? {}) as { id?: unknown };
			const source = withoutUndefined({ id: sameId(known.id, person.id) ? known.id : person.id, guid: person.guid });
				plannedPeople.set(id, {
					fields: { name: person.name, source: Object.keys(source).length ? source : undefined },
					listFields: [],
					extendFields: ['source'],
				});
			}
			return id;
		});

	const eventTalks = existing.talks.filter((talk) => talk.data.event === eventId);
	const sourceOf = (talk: ExistingEntry) => (talk.data.source ?? {}) as { id?: unknown; guid?: unknown; format?: unknown };
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
		warnings.push(`${file}: ${talk.location}: id ${talk.id} is the id of ${byId.path}, but the guids differ (${String(knownGuid)}, ${talk.guid}): imported as another talk`);
		return undefined;
	};
	const takenTalkIds = new Set(existing.talks.map((talk) => talk.id));
	const acronymPrefix = new RegExp(`^${(schedule.acronym ?? eventId).replace(/[^a-z0-9]/gi, '.')}[-_]`, 'i');

	talks.forEach((talk, index) => {
		const existingTalk = findTalk(talk);
		const path =
			existingTalk?.path ??
			`talks/${freeId((talk.slug ?? talk.title).replace(acronymPrefix, ''), takenTalkIds, { kind: 'talk', keys: [talk.id, talk.guid, talk.title] }, `${eventId}/`)}.md`;
		const entry = talkEntry({ talk, format: schedule.format, eventId, speakers: speakerIds(talk), ...settled.get(talk)! });
		// Keep the id as the file writes it (`"427"`), so an unchanged id is no conflict.
		const knownId = existingTalk && sourceOf(existingTalk).id;
		const source = entry.fields.source as { id?: unknown };
		if (sameId(knownId, source.id)) entry.fields.source = { ...source, id: knownId };
		plan(path, existingTalk?.text, entry);
		onProgress?.(index + 1, talks.length);
	});

	for (const [id, entry] of plannedPeople) {
		const person = peopleById.get(id);
		plan(person?.path ?? `people/${id}.md`, person?.text, entry);
	}

	const listed = new Set(schedule.talks.flatMap((talk) => [talk.guid && `guid:${talk.guid}`, talk.id !== undefined && `id:${talk.id}`]));
	const notInSchedule = eventTalks
		.filter((talk) => {
			const source = (talk.data.source ?? {}) as { id?: unknown; guid?: unknown; format?: unknown };
			return source.format && !listed.has(`guid:${source.guid}`) && !listed.has(`id:${source.id}`);
		})
		.map((talk) => talk.path);

	return {
		eventId,
		timeZone: zone.timeZone,
		warnings,
		files,
		unchanged,
		conflicts,
		notInSchedule,
		talkCount: talks.length,
	};
}
