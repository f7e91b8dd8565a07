import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { schemas, type ReferenceFactory } from '../../schemas';
import { collectionInfo, collectionNames, isCollectionName, type CollectionName } from '../collections';
import { referenceById } from './reference-by-id';
import { fileConcurrency, mapConcurrently } from '../concurrency';
import { contentExtensions, entryIdFromPath } from '../entry-id';
import { scanBody, type BodyScan } from './body';
import { checkBodyReferences, type ScannedBody } from './body-links';
import { parseEntrySource } from './frontmatter';
import { checkIntegrity, type ValidEntry } from './integrity';
import { checkTags } from './tags';
import { sortProblems, type Problem } from './problem';

export interface ContentValidation {
	entries: ValidEntry[];
	problems: Problem[];
	fileCount: number;
}

/** Extensions that look like content but that the hub would silently skip. */
const misnamedContent = /\.(markdown|mdown|mkd|txt|ya?ml|json)$/i;

const checkedSchemas = Object.fromEntries(
	collectionNames.map((name) => [name, schemas[name](referenceById as ReferenceFactory)]),
) as unknown as Record<CollectionName, z.ZodType>;

const toPosix = (file: string) => file.split(path.sep).join('/');

/** Describes one Zod issue for a contributor: what was expected and what was found. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
	if (issue.code === 'invalid_type' && input === undefined) {
		return `required field is missing (expected ${issue.expected})`;
	}
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
	}
	// Messages of our own refinements already quote what they found.
	const found = input === undefined || issue.message.includes('found') ? '' : `, found ${JSON.stringify(input)}`;
	return `${issue.message}${found}`;
}

/** A likely fix for a schema issue: the format of a date, or where a complete example of the type is. */
export function hintFor(issue: z.core.$ZodIssue, input: unknown, collection: CollectionName): string {
	const example = `CONTRIBUTING.md has a complete ${collectionInfo[collection].one.toLowerCase()} example`;
	if (issue.message.includes('YYYY-MM-DD')) return 'write dates as YYYY-MM-DD with a month from 01 to 12, e.g. 2021-12-01';
	if (issue.code === 'invalid_type' && input === undefined) return `add "${issue.path.join('.')}:" to the front matter; ${example}`;
	if (issue.code === 'invalid_type') return `write a ${issue.expected} here, without quotes or units; ${example}`;
	if (issue.code === 'unrecognized_keys') return `check the spelling; ${example}`;
	return example;
}

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
	return fieldPath.reduce<unknown>(
		(value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
		data,
	);
}

/** Validates one file's text against its collection's schema. */
export function validateEntrySource(
	collection: CollectionName,
	id: string,
	file: string,
	text: string,
): { entry?: ValidEntry; problems: Problem[]; body: BodyScan } {
	const source = parseEntrySource(text);
	const bodyFirstLine = text.slice(0, text.length - source.body.length).split('\n').length;
	const body = scanBody(file, source.body, bodyFirstLine, file.endsWith('.mdx') ? 'mdx' : 'md');
	if (source.syntaxErrors.length) {
		return {
			problems: source.syntaxErrors.map(({ message, position }) => ({
				file,
				...position,
				message: `front matter is not valid YAML: ${message}`,
				hint: 'check brackets, quotes and indentation here; quote values that start with @, [, { or contain ": "',
			})),
			body,
		};
	}
	const result = checkedSchemas[collection].safeParse(source.data);
	if (!result.success) {
		return {
			problems: result.error.issues.map((issue) => {
				const fieldPath = issue.path;
				return {
					file,
					...source.locate(fieldPath),
					...(fieldPath.length ? { field: fieldPath.join('.') } : {}),
					message: describeIssue(issue, valueAt(source.data, fieldPath)),
					hint: hintFor(issue, valueAt(source.data, fieldPath), collection),
				};
			}),
			body,
		};
	}
	return {
		// The schema of `collection` produced this data: the entry is that collection's.
		entry: { collection, id, file, data: result.data, locate: source.locate } as ValidEntry,
		problems: [],
		body,
	};
}

/**
 * Reads every collection under `contentDir` and reports every problem at once: YAML syntax,
 * schema violations located at their line, MDX bodies that do not parse, then cross-entry
 * integrity: references, tags, and what bodies link to.
 */
export async function validateContent(root: string, contentDir: string): Promise<ContentValidation> {
	const absoluteContent = path.resolve(root, contentDir);
	const problems: Problem[] = [];
	const entries: ValidEntry[] = [];
	const bodies: ScannedBody[] = [];
	const invalidEntries = new Set<string>();
	let fileCount = 0;

	const topLevel = await readdir(absoluteContent, { withFileTypes: true }).catch(() => []);
	for (const dirent of topLevel) {
		if (dirent.isDirectory() && !isCollectionName(dirent.name)) {
			problems.push({
				file: toPosix(path.relative(root, path.join(absoluteContent, dirent.name))),
				message: `"${dirent.name}" is not a collection, so nothing in it is published`,
				hint: `collections are ${collectionNames.join(', ')}`,
			});
		}
	}

	for (const collection of collectionNames) {
		const folder = path.join(absoluteContent, collection);
		const names = (await readdir(folder, { recursive: true }).catch(() => [] as string[])).map(toPosix).sort();
		const isContent = (name: string) => contentExtensions.some((extension) => name.endsWith(extension));
		// Reads overlap: awaiting them one by one left the process idle for half of a
		// 10,000-talk validation (docs/benchmarks.md).
		const texts = await mapConcurrently(names, fileConcurrency, async (name) => (isContent(name) ? readFile(path.join(folder, name), 'utf8') : ''));
		for (const [index, name] of names.entries()) {
			const file = toPosix(path.relative(root, path.join(folder, name)));
			if (misnamedContent.test(name)) {
				problems.push({ file, message: 'this file is not read: content files end in .md or .mdx' });
				continue;
			}
			if (!isContent(name)) continue;
			fileCount++;
			const text = texts[index]!;
			const result = validateEntrySource(collection, entryIdFromPath(name), file, text);
			problems.push(...result.problems, ...result.body.problems);
			bodies.push({ ...result.body, collection, id: entryIdFromPath(name), file });
			if (result.entry) entries.push(result.entry);
			else invalidEntries.add(`${collection}/${entryIdFromPath(name)}`);
		}
	}

	problems.push(...checkIntegrity(entries, { invalidEntries }), ...checkTags(entries));
	problems.push(...checkBodyReferences(bodies, entries, { root }));
	return { entries, problems: sortProblems(problems), fileCount };
}
