import type { CollectionData } from '#schemas/index.ts';
import type { EntryRef } from '#schemas/common.ts';
import { collectionInfo, collectionNames, type CollectionName } from '#lib/content/collections.ts';
import { findReferences } from '#lib/content/references.ts';
import { closestMatches } from '#lib/search/suggest.ts';
import { conferenceDay } from '#lib/time.ts';
import type { Position } from './frontmatter';
import type { Problem } from './problem';

/**
 * An entry whose front matter passed its schema, typed by its collection (a `ValidEntry<'talks'>`
 * has a talk's fields), with what integrity checks need.
 */
export type ValidEntry<C extends CollectionName = CollectionName> = {
	[K in C]: {
		collection: K;
		id: string;
		file: string;
		data: CollectionData<K>;
		locate(path: readonly PropertyKey[]): Position;
	};
}[C];

/** An entry's tags; entries of collections without tags have none. */
export const entryTags = (entry: ValidEntry): readonly string[] =>
	'tags' in entry.data ? entry.data.tags : [];

function problemAt(
	entry: ValidEntry,
	path: PropertyKey[],
	message: string,
	hint?: string,
): Problem {
	return {
		file: entry.file,
		...entry.locate(path),
		field: path.join('.'),
		message,
		...(hint ? { hint } : {}),
	};
}

export interface IntegrityOptions {
	/** `collection/id` of entries that exist but failed their schema: references to them are not "unknown". */
	invalidEntries?: ReadonlySet<string>;
}

/**
 * Checks Astro leaves to us: references that point nowhere (Astro only warns), ids claimed by
 * two files, talks dated outside their event or timed in an event without a time zone, and
 * recaps listing another event's talks. Returns every problem, not just the first.
 */
export function checkIntegrity(
	entries: readonly ValidEntry[],
	{ invalidEntries = new Set() }: IntegrityOptions = {},
): Problem[] {
	const problems: Problem[] = [];
	const byKey = new Map<string, ValidEntry>();
	const idsByCollection = new Map<string, string[]>(collectionNames.map((name) => [name, []]));

	for (const entry of entries) {
		const key = `${entry.collection}/${entry.id}`;
		const first = byKey.get(key);
		if (first) {
			problems.push({
				file: entry.file,
				line: 1,
				column: 1,
				message: `duplicate id "${entry.id}" in ${entry.collection}: ${first.file} already has it`,
				hint: 'rename one of the files; an entry id is its file name',
			});
			continue;
		}
		byKey.set(key, entry);
		idsByCollection.get(entry.collection)!.push(entry.id);
	}

	const lookup = <C extends CollectionName>(ref: EntryRef<C>) =>
		byKey.get(`${ref.collection}/${ref.id}`) as ValidEntry<C> | undefined;

	for (const entry of byKey.values()) {
		for (const { path, ref } of findReferences(entry.data)) {
			if (lookup(ref) || invalidEntries.has(`${ref.collection}/${ref.id}`)) continue;
			const suggestions = closestMatches(ref.id, idsByCollection.get(ref.collection) ?? []);
			problems.push(
				problemAt(
					entry,
					path,
					`unknown ${collectionInfo[ref.collection].one.toLowerCase()} "${ref.id}"`,
					suggestions.length
						? `did you mean ${suggestions.map((id) => `"${id}"`).join(', ')}?`
						: `add content/${ref.collection}/${ref.id}.md or fix the id`,
				),
			);
		}

		if (entry.collection === 'talks') problems.push(...checkTalkSchedule(entry, lookup));
		if (entry.collection === 'recaps') problems.push(...checkRecapTalks(entry, lookup));
	}
	return problems;
}

type Lookup = <C extends CollectionName>(ref: EntryRef<C>) => ValidEntry<C> | undefined;

function checkTalkSchedule(talk: ValidEntry<'talks'>, lookup: Lookup): Problem[] {
	const event = lookup(talk.data.event);
	if (!event) return [];
	const problems: Problem[] = [];
	const { start, end, timezone, dayChange } = event.data;
	// A talk after midnight belongs to the day before (the event's `dayChange`), which is in it.
	const sessions = [
		{ day: talk.data.day, time: talk.data.start, path: ['day'] },
		...(talk.data.sessions ?? []).map((session, index) => ({
			day: session.day,
			time: session.start,
			path: ['sessions', index, 'day'],
		})),
	];
	for (const { day, time, path } of sessions) {
		if (!day || !start || !end) continue;
		const programmeDay = conferenceDay(day, time, dayChange);
		if (programmeDay < start || programmeDay > end)
			problems.push(
				problemAt(talk, path, `${day} is outside its event "${event.id}" (${start} to ${end})`),
			);
	}
	if (talk.data.start && !timezone) {
		problems.push(
			problemAt(
				talk,
				['start'],
				`has a start time but its event "${event.id}" has no "timezone"`,
				`add timezone to ${event.file}`,
			),
		);
	}
	return problems;
}

function checkRecapTalks(recap: ValidEntry<'recaps'>, lookup: Lookup): Problem[] {
	const eventId = recap.data.event.id;
	return recap.data.talks.flatMap((ref, index) => {
		const talk = lookup(ref);
		const talkEvent = talk?.data.event.id;
		if (!talk || talkEvent === eventId) return [];
		return [
			problemAt(
				recap,
				['talks', index],
				`talk "${ref.id}" belongs to event "${talkEvent}", not to this recap's event "${eventId}"`,
			),
		];
	});
}
