import { entryIdFromPath } from '../entry-id';
import { plainDateOf } from '../time';
import { mergeEntry, type Conflict, type ImportedEntry } from './merge';
import { ScheduleError, type Schedule, type SchedulePerson, type ScheduleTalk } from './model';
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

/** A file-name id for a title or slug under `folder`: ASCII where the text allows, hyphens, unique. */
function freeId(text: string, taken: Set<string>, fallback: string, folder = ''): string {
	const leaf = entryIdFromPath(`${text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[_/\\]/g, '-')}.md`) || fallback;
	const base = `${folder}${leaf}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

const asString = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
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
	if (filters.eventId !== undefined && entryIdFromPath(`${filters.eventId}.md`) !== filters.eventId) {
		throw new ScheduleError('--event', filters.eventId, `expected an id written like a file name, such as "${entryIdFromPath(`${filters.eventId}.md`)}"`);
	}
	const eventId = filters.eventId ?? freeId(schedule.acronym ?? schedule.title, new Set(), 'event');
	const existingEvent = existing.events.find((event) => event.id === eventId);
	const zone = chooseTimeZone(schedule, file, { override: filters.timeZone, existing: asString(existingEvent?.data.timezone) });
	const dayStarts = new Map(schedule.days.map((day) => [day.date, day.dayStart]));
	const settled = new Map(
		schedule.talks.map((talk) => [talk, settleTalkTime(talk, zone.timeZone, dayStarts.get(talk.dayDate))]),
	);
	const talks = selectTalks(schedule, file, filters);

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

	// The event spans its own dates and every talk, so talks after midnight stay inside it.
	const days = [plainDateOf(schedule.start), plainDateOf(schedule.end), ...[...settled.values()].map(({ day }) => day)]
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
			website: schedule.url && /^https?:\/\//.test(schedule.url) ? schedule.url : undefined,
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
				id = freeId(person.name, peopleIndex.taken, `person-${person.id ?? peopleIndex.taken.size}`);
				peopleIndex.remember(id, person.name, asString(person.id), person.guid);
			}
			if (!plannedPeople.has(id)) {
				const source = withoutUndefined({ id: person.id, guid: person.guid });
				plannedPeople.set(id, {
					fields: { name: person.name, source: Object.keys(source).length ? source : undefined },
					listFields: [],
					extendFields: ['source'],
				});
			}
			return id;
		});

	const eventTalks = existing.talks.filter((talk) => talk.data.event === eventId);
	const talkBySource = new Map<string, ExistingEntry>();
	for (const talk of eventTalks) {
		const source = (talk.data.source ?? {}) as { id?: unknown; guid?: unknown };
		if (source.guid) talkBySource.set(`guid:${source.guid}`, talk);
		if (source.id !== undefined) talkBySource.set(`id:${source.id}`, talk);
	}
	const findTalk = (talk: ScheduleTalk) =>
		(talk.guid && talkBySource.get(`guid:${talk.guid}`)) || (talk.id !== undefined ? talkBySource.get(`id:${talk.id}`) : undefined);
	const takenTalkIds = new Set(existing.talks.map((talk) => talk.id));
	const acronymPrefix = new RegExp(`^${(schedule.acronym ?? eventId).replace(/[^a-z0-9]/gi, '.')}[-_]`, 'i');

	talks.forEach((talk, index) => {
		const existingTalk = findTalk(talk);
		const path =
			existingTalk?.path ??
			`talks/${freeId((talk.slug ?? talk.title).replace(acronymPrefix, ''), takenTalkIds, `talk-${talk.id}`, `${eventId}/`)}.md`;
		plan(path, existingTalk?.text, talkEntry({ talk, format: schedule.format, eventId, speakers: speakerIds(talk), ...settled.get(talk)! }));
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
		warnings: zone.warning ? [zone.warning] : [],
		files,
		unchanged,
		conflicts,
		notInSchedule,
		talkCount: talks.length,
	};
}
