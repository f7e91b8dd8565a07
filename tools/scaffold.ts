import path from 'node:path';
import { stringify } from 'yaml';
import { collectionOfType, type CollectionName, type EntryType } from '#lib/content/collections.ts';
import { listContentFiles } from '#lib/content/content-files.ts';
import { asciiId } from '#lib/content/entry-id.ts';
import { limits } from '#lib/content/limits.ts';
import { closestMatches } from '#lib/search/suggest.ts';

export interface FieldSpec {
	/** The flag and the front matter key. */
	name: string;
	question: string;
	required: boolean;
	/** An existing entry this field names; `list` for comma-separated ids. */
	references?: CollectionName;
	list?: boolean;
	/** The value used when none is given, from the other answers. */
	fallback?: (answers: Answers) => string | undefined;
}
export type Answers = Record<string, string | undefined>;

const today = () => new Date().toISOString().slice(0, 10);

/** The fields asked for each type: the required ones and the few most entries have. */
export const scaffoldFields: Record<EntryType, FieldSpec[]> = {
	talk: [
		{ name: 'title', question: 'Title of the talk', required: true },
		{
			name: 'event',
			question: 'Event id (file name in content/events/)',
			required: true,
			references: 'events',
		},
		{
			name: 'speakers',
			question: 'Speaker ids, comma-separated (files in content/people/)',
			required: false,
			references: 'people',
			list: true,
		},
		{ name: 'day', question: 'Day it was given (YYYY-MM-DD)', required: false },
	],
	recap: [
		{
			name: 'event',
			question: 'Event id (file name in content/events/)',
			required: true,
			references: 'events',
		},
		{
			name: 'author',
			question: 'Your person id (file name in content/people/)',
			required: true,
			references: 'people',
		},
		{
			name: 'title',
			question: 'Title',
			required: true,
			fallback: (answers) => answers.event && `${answers.event} recap`,
		},
		{ name: 'published', question: 'Published (YYYY-MM-DD)', required: true, fallback: today },
	],
	note: [
		{ name: 'title', question: 'Title of the note', required: true },
		{ name: 'summary', question: 'One-sentence summary', required: true },
		{
			name: 'author',
			question: 'Your person id (file name in content/people/)',
			required: false,
			references: 'people',
		},
		{ name: 'published', question: 'Published (YYYY-MM-DD)', required: false, fallback: today },
	],
	person: [
		{ name: 'name', question: 'Full name', required: true },
		{
			name: 'handles',
			question: 'Handles, comma-separated (e.g. @ncopa)',
			required: false,
			list: true,
		},
	],
	event: [
		{ name: 'title', question: 'Title (e.g. AlpineConf 2021)', required: true },
		{ name: 'start', question: 'First day (YYYY-MM-DD)', required: true },
		{
			name: 'end',
			question: 'Last day (YYYY-MM-DD)',
			required: true,
			fallback: (answers) => answers.start,
		},
		{ name: 'timezone', question: 'IANA time zone (e.g. Europe/Brussels)', required: false },
	],
	sponsor: [
		{ name: 'name', question: 'Name of the organisation', required: true },
		{ name: 'website', question: 'Website (https://…)', required: false },
	],
	'case-study': [
		{ name: 'title', question: 'Title of the case study', required: true },
		{ name: 'summary', question: 'One-sentence summary', required: true },
		{
			name: 'sponsor',
			question: 'Sponsor id (file name in content/sponsors/)',
			required: true,
			references: 'sponsors',
		},
		{ name: 'project', question: 'Project supported (e.g. Alpine Linux)', required: true },
	],
	topic: [
		{
			name: 'name',
			question: 'Name of the topic, as the project writes it (e.g. postmarketOS)',
			required: true,
		},
		{ name: 'summary', question: 'One or two sentences in your own words', required: true },
		{
			name: 'aliases',
			question: 'Other names and spellings talks use, comma-separated (e.g. pmOS)',
			required: false,
			list: true,
		},
		{
			name: 'parent',
			question: 'Broader topic id, if any (file name in content/topics/)',
			required: false,
			references: 'topics',
		},
	],
};

const bodies: Record<EntryType, string> = {
	talk: 'What the talk covered, in a few paragraphs: the problem, the approach, what the audience asked.',
	recap:
		'## Day one\n\nWhat happened, talk by talk. Embed a talk with `<TalkCard id="talk-id" />`.',
	note: '## Context\n\nWhat this note explains and for whom.',
	person: 'A sentence or two about this person and their work in the community.',
	event: 'What the event was about and who attended.',
	sponsor: 'What the organisation provides to the community.',
	'case-study': '## What was needed\n\n## What the sponsor provided\n\n## What changed',
	topic:
		'What the topic is and why the community talks about it, in your own words. Talks whose title, summary or abstract name it are listed by themselves; add `match: { terms: [...], exclude: [...] }` to the front matter for other words (docs/topics.md).',
};

export class ScaffoldError extends Error {}

/** Asks for every field a flag did not give, using `ask` (a terminal prompt), with fallbacks as defaults. */
export async function collectAnswers(
	type: EntryType,
	given: Answers,
	ask?: (question: string, fallback: string | undefined) => Promise<string>,
): Promise<Answers> {
	const answers: Answers = { ...given };
	for (const field of scaffoldFields[type]) {
		if (answers[field.name]) continue;
		const fallback = field.fallback?.(answers);
		if (ask) answers[field.name] = (await ask(field.question, fallback)).trim() || fallback;
		else answers[field.name] = fallback;
	}
	const missing = scaffoldFields[type].filter((field) => field.required && !answers[field.name]);
	if (missing.length) {
		throw new ScaffoldError(
			`missing ${missing.map((field) => `--${field.name} (${field.question})`).join(', ')}`,
		);
	}
	return answers;
}

async function existingIds(contentDir: string, collection: CollectionName): Promise<string[]> {
	return (await listContentFiles(contentDir, [collection])).files.map((file) => file.id);
}

/**
 * The file a new entry goes to and its text: front matter with the answers (references checked
 * against existing entries, with the closest ids when one is wrong) and a short body to replace.
 */
export async function planEntry(
	contentDir: string,
	type: EntryType,
	answers: Answers,
	id?: string,
): Promise<{ file: string; text: string; id: string }> {
	const collection = collectionOfType(type)!;
	const data: Record<string, unknown> = {};
	for (const field of scaffoldFields[type]) {
		const value = answers[field.name];
		if (!value) continue;
		const values = field.list
			? value
					.split(',')
					.map((item) => item.trim())
					.filter(Boolean)
			: [value];
		if (field.references) {
			const ids = await existingIds(contentDir, field.references);
			for (const item of values) {
				if (ids.includes(item)) continue;
				const suggestions = closestMatches(item, ids);
				throw new ScaffoldError(
					`--${field.name}: no entry "${item}" in ${field.references}` +
						(suggestions.length
							? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
							: ''),
				);
			}
		}
		data[field.name] = field.list ? values : value;
	}
	const entryId = asciiId(id ?? String(data.title ?? data.name), limits.idBytes);
	if (!entryId) throw new ScaffoldError('cannot make an id from an empty title: give --id');
	if ((await existingIds(contentDir, collection)).includes(entryId)) {
		throw new ScaffoldError(
			`${collection}/${entryId} already exists: choose another --id or edit the existing file`,
		);
	}
	const extension = type === 'recap' ? 'mdx' : 'md';
	const text = `---\n${stringify(data, { lineWidth: 0 })}---\n\n${bodies[type]}\n`;
	return { file: path.join(contentDir, collection, `${entryId}.${extension}`), text, id: entryId };
}
