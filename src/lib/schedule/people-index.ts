import type { SchedulePerson } from './model';

/**
 * How the importer finds the hub's entry for a speaker of a schedule, across the editions of a
 * series. Schedules identify people badly: FOSDEM's ids are per edition (the 33 ids its 2019
 * and 2024 schedules share belong to 33 different people) and before 2013 per talk (Peter
 * Stuge is 391 and 401 in 2010); most exports have no guids. So a person is found by, in order:
 *   1. a guid, when the schedule has one;
 *   2. the edition's id *and* the name (an id alone never says who someone is);
 *   3. the name, or one of the person's `aliases`, compared as `normaliseName` writes them;
 *   4. an id the person had in this or another edition, with a compatible name (a rename).
 * A name that could be two people is never guessed: the match is ambiguous, with every
 * candidate, and the importer gives the speaker an entry of their own and says so.
 */

/**
 * Characters that show nothing and mean nothing in a name: zero-width space, word joiner,
 * byte order mark, soft hyphen. A copy-paste leaves them in, and `Ada\u200BLovelace` must
 * still be Ada Lovelace. (The zero-width joiner, which emoji and some scripts need, is kept in
 * the name written but ignored when names are compared.)
 */
const invisibleInNames = /[\u200B\u2060\uFEFF\u00AD]/g;

/** `José  Ñúñez ` → `jose nunez`: names compared in Unicode NFC, case and spacing ignored, and accents (Stéphane and Stephane Graber are one speaker in FOSDEM's schedules), and invisible characters. */
export const normaliseName = (name: string) =>
	cleanName(name)
		.replace(/\u200D/g, '')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();

/** A name as the importer writes it: NFC, without invisible characters, single spaces, trimmed. */
export const cleanName = (name: string) =>
	name.normalize('NFC').replace(invisibleInNames, '').replace(/\s+/g, ' ').trim();

/** Whether a name shows anything at all: not empty, blank or only invisible characters (zero-width joiners included). */
export const isVisibleName = (name: string) => normaliseName(name) !== '';

/** What the index knows of one person entry. */
export interface KnownPerson {
	/** The entry's id (file name). */
	id: string;
	name: string;
	aliases?: readonly string[] | undefined;
	guids?: readonly string[] | undefined;
	/** Schedule ids by edition (event id). */
	ids?: ReadonlyMap<string, readonly string[]> | undefined;
}

/**
 * Whether two names can be one person's under a stable id: the same once quotes and brackets
 * are set aside (a nickname's quote style changed), or one's words all in the other, starting
 * alike (`Clifford` → `Clifford Wolf`). Takes names as `normaliseName` writes them.
 */
export function compatibleNames(a: string, b: string): boolean {
	const words = (name: string) =>
		name
			.replace(/["'“”‘’„`«»()[\]]/g, ' ')
			.split(/\s+/)
			.filter(Boolean);
	const [shorter, longer] = [words(a), words(b)].sort((x, y) => x.length - y.length) as [
		string[],
		string[],
	];
	if (!shorter.length || shorter[0] !== longer[0]) return false;
	return shorter.every((word) => longer.includes(word));
}

/** The entry found and how; or, when none, the entries it might have been. */
export interface PersonMatch {
	found?: string;
	by?: 'guid' | 'id' | 'name' | 'renamed';
	ambiguous?: { candidates: string[]; reason: string };
}

interface Record {
	id: string;
	names: Set<string>;
	guids: Set<string>;
}

const idKey = (edition: string, id: unknown) => `${edition}\n${String(id)}`;

export class PeopleIndex {
	private readonly records = new Map<string, Record>();
	private readonly byGuid = new Map<string, string>();
	private readonly byEditionId = new Map<string, Set<string>>();
	private readonly byName = new Map<string, Set<string>>();
	/** Person entries by schedule id, then by edition: a rename keeps its id across editions. */
	private readonly byId = new Map<string, Map<string, Set<string>>>();

	constructor(people: Iterable<KnownPerson> = []) {
		for (const person of people) this.remember(person);
	}

	/** Adds what is known of a person (a new entry, or more ids or names for one already known). */
	remember(person: KnownPerson): void {
		let record = this.records.get(person.id);
		if (!record)
			this.records.set(person.id, (record = { id: person.id, names: new Set(), guids: new Set() }));
		for (const name of [person.name, ...(person.aliases ?? [])]) {
			const key = normaliseName(name);
			if (!key) continue;
			record.names.add(key);
			add(this.byName, key, person.id);
		}
		for (const guid of person.guids ?? []) {
			record.guids.add(guid);
			this.byGuid.set(guid, person.id);
		}
		for (const [edition, ids] of person.ids ?? []) {
			for (const id of ids) {
				add(this.byEditionId, idKey(edition, id), person.id);
				let editions = this.byId.get(String(id));
				if (!editions) this.byId.set(String(id), (editions = new Map()));
				add(editions, edition, person.id);
			}
		}
	}

	/** The entry a speaker of `edition` (an event id) is, if it can be told without guessing. */
	find(person: SchedulePerson, edition: string): PersonMatch {
		if (person.guid) {
			const byGuid = this.byGuid.get(person.guid);
			if (byGuid) return { found: byGuid, by: 'guid' };
		}
		const name = normaliseName(person.name);
		if (person.id !== undefined) {
			const byId = [...(this.byEditionId.get(idKey(edition, person.id)) ?? [])].filter((id) =>
				this.records.get(id)!.names.has(name),
			);
			if (byId.length === 1) return { found: byId[0]!, by: 'id' };
		}
		const named = [...(this.byName.get(name) ?? [])];
		// A guid of their own says two accounts are two people, whatever their names.
		const others = person.guid ? named.filter((id) => this.records.get(id)!.guids.size > 0) : [];
		const candidates = named.filter((id) => !others.includes(id));
		if (candidates.length === 1) return { found: candidates[0]!, by: 'name' };
		if (candidates.length > 1) {
			return {
				ambiguous: {
					candidates: candidates.sort(),
					reason: `${candidates.length} people are named so`,
				},
			};
		}
		if (others.length) {
			return {
				ambiguous: {
					candidates: others.sort(),
					reason: `the same name with another guid than ${person.guid}`,
				},
			};
		}
		return person.id === undefined || person.guid ? {} : this.findRenamed(String(person.id), name);
	}

	/**
	 * A person renamed under a stable id (`Clifford` → `Clifford Wolf`): an entry that had this
	 * id, in this edition or another, under a compatible name. An id some edition gave several
	 * people (wiki sessions' `0`) says nothing. Two such entries are a question, never a guess.
	 */
	private findRenamed(id: string, name: string): PersonMatch {
		const holders = new Set<string>();
		for (const people of this.byId.get(id)?.values() ?? [])
			if (people.size === 1) holders.add([...people][0]!);
		const compatible = [...holders].filter((holder) =>
			[...this.records.get(holder)!.names].some((known) => compatibleNames(known, name)),
		);
		if (compatible.length === 1) return { found: compatible[0]!, by: 'renamed' };
		if (compatible.length > 1)
			return {
				ambiguous: {
					candidates: compatible.sort(),
					reason: `each had id ${id} under a name like this one`,
				},
			};
		return {};
	}
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
	const set = map.get(key);
	if (set) set.add(value);
	else map.set(key, new Set([value]));
}
