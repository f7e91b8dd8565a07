import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { collectionNames, schemas, type CollectionName, type ReferenceFactory } from '../../schemas';
import { referenceById } from './reference-by-id';
import { contentExtensions, entryIdFromPath } from '../entry-id';
import { parseEntrySource } from './frontmatter';
import { checkIntegrity, type ValidEntry } from './integrity';
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
): { entry?: ValidEntry; problems: Problem[] } {
	const source = parseEntrySource(text);
	if (source.syntaxErrors.length) {
		return {
			problems: source.syntaxErrors.map(({ message, position }) => ({
				file,
				...position,
				message: `front matter is not valid YAML: ${message}`,
			})),
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
					field: fieldPath.join('.') || undefined,
					message: describeIssue(issue, valueAt(source.data, fieldPath)),
				};
			}),
		};
	}
	return {
		entry: { collection, id, file, data: result.data as Record<string, unknown>, locate: source.locate },
		problems: [],
	};
}

/**
 * Reads every collection under `contentDir` and reports every problem at once: YAML syntax,
 * schema violations located at their line, then cross-entry integrity.
 */
export async function validateContent(root: string, contentDir: string): Promise<ContentValidation> {
	const absoluteContent = path.resolve(root, contentDir);
	const problems: Problem[] = [];
	const entries: ValidEntry[] = [];
	const invalidEntries = new Set<string>();
	let fileCount = 0;

	const topLevel = await readdir(absoluteContent, { withFileTypes: true }).catch(() => []);
	for (const dirent of topLevel) {
		if (dirent.isDirectory() && !(collectionNames as readonly string[]).includes(dirent.name)) {
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
		// All reads at once: awaiting them one by one left the process idle for half of a
		// 10,000-talk validation (docs/benchmarks.md).
		const texts = await Promise.all(names.map((name) => (isContent(name) ? readFile(path.join(folder, name), 'utf8') : '')));
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
			problems.push(...result.problems);
			if (result.entry) entries.push(result.entry);
			else invalidEntries.add(`${collection}/${entryIdFromPath(name)}`);
		}
	}

	problems.push(...checkIntegrity(entries, { invalidEntries }));
	return { entries, problems: sortProblems(problems), fileCount };
}
