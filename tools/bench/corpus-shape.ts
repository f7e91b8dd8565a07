import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { readEntryData } from '#lib/validation/frontmatter.ts';

/** How a content tree compares with the archive it imitates (`fosdemArchive`). */
export interface CorpusShape {
	editions: number;
	talks: number;
	people: number;
	/** People with exactly one talk. */
	peopleSpeakingOnce: number;
	topics: number;
	/**
	 * What "one person edited" edits: the first person, by id, who speaks at two or more
	 * editions, as a recurring speaker the archive has hundreds of; and how many talks they have.
	 */
	editedPerson?: { id: string; talks: number } | undefined;
}

/** What the shape needs of a talk: its edition and its speakers' ids. */
export interface TalkOfShape {
	event: string;
	speakers: readonly string[];
}

/** The shape of a tree from its talks and the ids of its entries. */
export function shapeOf(
	talks: readonly TalkOfShape[],
	ids: { events: readonly string[]; people: readonly string[]; topics: readonly string[] },
): CorpusShape {
	const talksBy = new Map<string, number>();
	const editionsBy = new Map<string, Set<string>>();
	for (const talk of talks)
		for (const speaker of new Set(talk.speakers)) {
			talksBy.set(speaker, (talksBy.get(speaker) ?? 0) + 1);
			editionsBy.set(speaker, (editionsBy.get(speaker) ?? new Set()).add(talk.event));
		}
	const edited = [...ids.people].sort().find((id) => (editionsBy.get(id)?.size ?? 0) >= 2);
	return {
		editions: ids.events.length,
		talks: talks.length,
		people: ids.people.length,
		peopleSpeakingOnce: ids.people.filter((id) => talksBy.get(id) === 1).length,
		topics: ids.topics.length,
		editedPerson: edited ? { id: edited, talks: talksBy.get(edited)! } : undefined,
	};
}

/** The ids of a collection's Markdown entries: their paths inside its folder, without `.md`. */
async function entryIds(contentDir: string, collection: string): Promise<string[]> {
	const names = await readdir(path.join(contentDir, collection), { recursive: true }).catch(
		() => [] as string[],
	);
	return names
		.filter((name) => name.endsWith('.md'))
		.map((name) => name.slice(0, -'.md'.length).split(path.sep).join('/'));
}

/** Reads a content tree's talks (their event and speakers) and entry ids, and gives its shape. */
export async function corpusShape(contentDir: string): Promise<CorpusShape> {
	const [events, people, topics, talkIds] = await Promise.all(
		['events', 'people', 'topics', 'talks'].map((collection) => entryIds(contentDir, collection)),
	);
	const talks = await mapConcurrently(talkIds!, fileConcurrency, async (id) => {
		const file = path.join(contentDir, 'talks', `${id}.md`);
		const { data, syntaxErrors } = readEntryData(await readFile(file, 'utf8'));
		if (syntaxErrors.length || typeof data.event !== 'string')
			throw new Error(`${file}: expected front matter with an event, as the corpus writes it`);
		const speakers = Array.isArray(data.speakers) ? data.speakers.map(String) : [];
		return { event: data.event, speakers };
	});
	return shapeOf(talks, { events: events!, people: people!, topics: topics! });
}
