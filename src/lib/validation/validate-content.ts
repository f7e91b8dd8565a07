import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { schemas, type ReferenceFactory } from '#schemas/index.ts';
import {
	collectionInfo,
	collectionNames,
	isCollectionName,
	type CollectionName,
} from '#lib/content/collections.ts';
import { referenceById } from './reference-by-id';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { listContentFiles } from '#lib/content/content-files.ts';
import { asciiId, entryIdFromPath } from '#lib/content/entry-id.ts';
import { limits } from '#lib/content/limits.ts';
import { decodeText, findControlCharacter, formatBytes } from '#lib/content/text-file.ts';
import { scanBody, type BodyScan } from './body';
import { checkBodyReferences, type ScannedBody } from './body-links';
import { parseEntrySource, readEntryData, type ParsedEntrySource } from './frontmatter';
import { checkIntegrity, type ValidEntry } from './integrity';
import { checkTags } from './tags';
import { checkTopics } from './topics';
import { sortProblems, type Problem } from './problem';
import {
	loadValidationCache,
	saveValidationCache,
	textDigest,
	type FileResult,
	type ValidationCacheOptions,
} from './validation-cache';

export interface ContentValidation {
	entries: ValidEntry[];
	problems: Problem[];
	fileCount: number;
	/**
	 * The files whose own checks (front matter, schema, body) ran this time, relative to the
	 * project root; with a `cache`, the others' results came from it. Cross-entry checks always
	 * run over every entry.
	 */
	checkedFiles: string[];
}

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
	const found =
		input === undefined || issue.message.includes('found')
			? ''
			: `, found ${JSON.stringify(input)}`;
	return `${issue.message}${found}`;
}

/** A likely fix for a schema issue: the format of a date, or where a complete example of the type is. */
export function hintFor(
	issue: z.core.$ZodIssue,
	input: unknown,
	collection: CollectionName,
): string {
	const example = `CONTRIBUTING.md has a complete ${collectionInfo[collection].one.toLowerCase()} example`;
	if (issue.message.includes('YYYY-MM-DD'))
		return 'write dates as YYYY-MM-DD with a month from 01 to 12, e.g. 2021-12-01';
	if (issue.code === 'invalid_type' && input === undefined)
		return `add "${issue.path.join('.')}:" to the front matter; ${example}`;
	if (issue.code === 'invalid_type')
		return `write a ${issue.expected} here, without quotes or units; ${example}`;
	if (issue.code === 'unrecognized_keys') return `check the spelling; ${example}`;
	return example;
}

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
	return fieldPath.reduce<unknown>(
		(value, key) =>
			value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
		data,
	);
}

/** Validates one file's text against its collection's schema. */
export function validateEntrySource(
	collection: CollectionName,
	id: string,
	file: string,
	text: string,
	{ scan = true }: { scan?: boolean } = {},
): { entry?: ValidEntry; problems: Problem[]; body: BodyScan } {
	const source = parseEntrySource(text);
	// The body keeps the file's lines (the front matter is blanked out, as Astro does).
	const body = scan
		? scanBody(file, source.body, 1, file.endsWith('.mdx') ? 'mdx' : 'md')
		: { problems: [], links: [], talkCards: [] };
	const control = findControlCharacter(text);
	const textProblems: Problem[] = control
		? [
				{
					file,
					line: control.line,
					column: control.column,
					message: `control character ${control.codePoint} is not text`,
					hint: 'delete it; it is invisible in most editors (a stray paste from a terminal or a PDF)',
				},
			]
		: [];
	if (source.syntaxErrors.length) {
		return {
			problems: [
				...textProblems,
				...source.syntaxErrors.map(({ message, position }) => ({
					file,
					...position,
					message,
					hint: 'check brackets, quotes and indentation here; quote values that start with @, [, { or contain ": "',
				})),
			],
			body,
		};
	}
	const result = checkedSchemas[collection].safeParse(source.data);
	if (!result.success) {
		return {
			problems: [
				...textProblems,
				...result.error.issues.map((issue) => {
					const fieldPath = issue.path;
					return {
						file,
						...source.locate(fieldPath),
						...(fieldPath.length ? { field: fieldPath.join('.') } : {}),
						message: describeIssue(issue, valueAt(source.data, fieldPath)),
						hint: hintFor(issue, valueAt(source.data, fieldPath), collection),
					};
				}),
			],
			body,
		};
	}
	return {
		// The schema of `collection` produced this data: the entry is that collection's.
		...(textProblems.length
			? {}
			: {
					entry: { collection, id, file, data: result.data, locate: source.locate } as ValidEntry,
				}),
		problems: textProblems,
		body,
	};
}

/**
 * `validateEntrySource` for the checks of an import, over thousands of files: the front matter
 * is read without positions (`readEntryData`) and located only if it has a problem; the body is
 * scanned only when `scan` (a file the import writes), since unchanged files keep the problems
 * they had.
 */
function validateEntryQuickly(
	collection: CollectionName,
	id: string,
	file: string,
	text: string,
	{ scan }: { scan: boolean },
): ReturnType<typeof validateEntrySource> {
	const { data, syntaxErrors, body } = readEntryData(text);
	const checked =
		syntaxErrors.length || findControlCharacter(text)
			? undefined
			: checkedSchemas[collection].safeParse(data);
	if (!checked?.success) return validateEntrySource(collection, id, file, text, { scan });
	let located: ParsedEntrySource | undefined;
	const locate = (fieldPath: readonly PropertyKey[]) =>
		(located ??= parseEntrySource(text)).locate(fieldPath);
	return {
		entry: { collection, id, file, data: checked.data, locate } as ValidEntry,
		problems: [],
		body: scan
			? scanBody(file, body, 1, file.endsWith('.mdx') ? 'mdx' : 'md')
			: { problems: [], links: [], talkCards: [] },
	};
}

export interface ValidateOptions {
	/**
	 * Files to read as if they were written, by path inside the content tree (`talks/x.md`):
	 * how an import validates what it would write without writing anything.
	 */
	overlay?: ReadonlyMap<string, string>;
	/**
	 * The only files that are new or changed (paths inside the content tree), as after an
	 * import: the others can only have the problems they had, so their bodies are not scanned
	 * again and their front matter is read without positions unless a problem needs one.
	 * Cross-entry checks still see every entry.
	 */
	changed?: ReadonlySet<string>;
	/** Files to read as if deleted (paths inside the content tree). */
	removed?: ReadonlySet<string>;
	/**
	 * Keeps each file's own results by the digest of its text, so the next run checks only the
	 * files that changed, then runs the cross-entry checks (references, ids, tags, links) over
	 * every entry's kept data and links. Not combined with `overlay` or `changed`.
	 */
	cache?: ValidationCacheOptions;
}

/** The text of a content file, or the problem that keeps it from being read as text (size, encoding). */
export async function readContentText(
	file: string,
	absolute: string,
): Promise<{ text: string } | { problem: Problem }> {
	const bytes = await readFile(absolute);
	if (bytes.length > limits.contentFileBytes) {
		return {
			problem: {
				file,
				message: `the file is ${formatBytes(bytes.length)}; the limit for one content file is ${formatBytes(limits.contentFileBytes)}`,
				hint: 'split it, or link to large material instead of including it',
			},
		};
	}
	const decoded = decodeText(bytes);
	return 'text' in decoded ? decoded : { problem: { file, ...decoded.problem } };
}

const nonAscii = /[^\x20-\x7e]/;
const nonAsciiCharacters = /[^\x20-\x7e]/gu;

/**
 * A file name that is not ASCII publishes its page at an address that is not either: readers
 * see it percent-encoded, type it with difficulty, and other tools may spell it in another
 * Unicode normalisation (CONTRIBUTING.md: ids are ASCII words).
 */
function nonAsciiNameProblem(
	file: string,
	{ collection, name, id }: { collection: string; name: string; id: string },
): Problem {
	const folder = name.includes('/') ? `${name.slice(0, name.lastIndexOf('/'))}/` : '';
	const leaf = name.slice(folder.length);
	const extension = leaf.slice(leaf.lastIndexOf('.'));
	const suggestion = asciiId(leaf.slice(0, -extension.length), limits.idBytes);
	return {
		file,
		severity: 'warning',
		message: `the file name is not ASCII (${[...new Set(name.match(nonAsciiCharacters))].map((character) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}); its page's address is /${collection}/${id}/`,
		hint: suggestion
			? `rename it to ${collection}/${folder}${suggestion}${extension}: ids are ASCII words joined by hyphens`
			: 'rename it with ASCII words joined by hyphens',
	};
}

/**
 * Runs the checks of one file so that whatever still goes wrong in them (a parser's exception,
 * a stack overflow) is that file's problem, at its name, and the other files are still checked.
 */
function checkedSafely(
	file: string,
	validate: () => ReturnType<typeof validateEntrySource>,
): ReturnType<typeof validateEntrySource> {
	try {
		return validate();
	} catch (caught) {
		const reason = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
		return {
			problems: [
				{
					file,
					line: 1,
					column: 1,
					message: `the check stopped on this file (${reason.split('\n')[0]})`,
					hint: 'simplify its markup (docs/security.md lists the limits); if it is ordinary text, report it as a bug of the check',
				},
			],
			body: { problems: [], links: [], talkCards: [] },
		};
	}
}

/**
 * Reads every collection under `contentDir` and reports every problem at once: what the tree
 * holds that is not published (links, stray files), unreadable text, YAML syntax, schema
 * violations located at their line, MDX bodies that do not parse or run code, HTML the
 * sanitiser removes, then cross-entry integrity: references, tags, and what bodies link to.
 */
export async function validateContent(
	root: string,
	contentDir: string,
	{ overlay, changed, removed, cache }: ValidateOptions = {},
): Promise<ContentValidation> {
	if (cache && (overlay || changed))
		throw new Error('validateContent: a cache is not kept for planned or partly checked trees');
	const absoluteContent = path.resolve(root, contentDir);
	const problems: Problem[] = [];
	const entries: ValidEntry[] = [];
	const bodies: ScannedBody[] = [];
	const invalidEntries = new Set<string>();
	const checkedFiles: string[] = [];
	const known = cache ? await loadValidationCache(cache) : new Map<string, FileResult>();
	const kept = new Map<string, FileResult>();
	const fileOf = (inside: string) =>
		toPosix(path.relative(root, path.join(absoluteContent, inside))) || '.';

	const listing = await listContentFiles(absoluteContent);
	problems.push(
		...listing.problems.map(({ path: inside, ...problem }) => ({
			file: fileOf(inside),
			...problem,
		})),
	);
	const files = listing.files.filter((file) => !removed?.has(file.path));
	problems.push(
		...files
			.filter((file) => nonAscii.test(file.name))
			.map((file) => nonAsciiNameProblem(fileOf(file.path), file)),
	);
	const listed = new Set(files.map((file) => file.path));
	for (const inside of overlay?.keys() ?? []) {
		const [collection = '', ...rest] = inside.split('/');
		if (!listed.has(inside) && isCollectionName(collection)) {
			files.push({
				collection,
				name: rest.join('/'),
				path: inside,
				id: entryIdFromPath(rest.join('/')),
			});
		}
	}

	// Reads overlap: awaiting them one by one left the process idle for half of a
	// 10,000-talk validation (docs/benchmarks.md).
	const texts = await mapConcurrently(files, fileConcurrency, (file) => {
		const planned = overlay?.get(file.path);
		if (planned !== undefined) return Promise.resolve({ text: planned });
		// A file gone or unreadable since it was listed is its own problem, not the end of the check.
		return readContentText(fileOf(file.path), path.join(absoluteContent, file.path)).catch(
			(error: NodeJS.ErrnoException): { problem: Problem } => ({
				problem: {
					file: fileOf(file.path),
					message: `the file cannot be read (${error.code ?? error.message})`,
				},
			}),
		);
	});
	for (const [index, { collection, id, path: inside }] of files.entries()) {
		const file = fileOf(inside);
		const read = texts[index]!;
		if ('problem' in read) {
			problems.push(read.problem);
			invalidEntries.add(`${collection}/${id}`);
			continue;
		}
		const digest = cache ? textDigest(read.text) : '';
		const previous = known.get(file);
		if (previous && previous.digest === digest) {
			kept.set(file, previous);
			problems.push(...previous.problems);
			bodies.push({ ...previous, collection, id, file });
			// Located only if a cross-entry check finds a problem in it.
			let located: ParsedEntrySource | undefined;
			const locate = (fieldPath: readonly PropertyKey[]) =>
				(located ??= parseEntrySource(read.text)).locate(fieldPath);
			if ('data' in previous)
				entries.push({ collection, id, file, data: previous.data, locate } as ValidEntry);
			else invalidEntries.add(`${collection}/${id}`);
			continue;
		}
		// An unchanged file's body is not scanned, but its page still exists for the links and cards of those that are.
		const validate = () =>
			changed
				? validateEntryQuickly(collection, id, file, read.text, { scan: changed.has(inside) })
				: validateEntrySource(collection, id, file, read.text);
		const result = checkedSafely(file, validate);
		checkedFiles.push(file);
		problems.push(...result.problems, ...result.body.problems);
		bodies.push({ ...result.body, collection, id, file });
		if (result.entry) entries.push(result.entry);
		else invalidEntries.add(`${collection}/${id}`);
		if (cache) {
			const { links, talkCards } = result.body;
			kept.set(file, {
				digest,
				problems: [...result.problems, ...result.body.problems],
				links,
				talkCards,
				...(result.entry ? { data: result.entry.data } : {}),
			});
		}
	}
	// Rewritten only when a file was checked or is gone: an unchanged tree reads the cache and nothing else.
	if (cache && (checkedFiles.length || kept.size !== known.size))
		await saveValidationCache(cache, kept);

	problems.push(
		...checkIntegrity(entries, { invalidEntries }),
		...checkTags(entries),
		...checkTopics(entries),
	);
	problems.push(...checkBodyReferences(bodies, entries, { root }));
	return { entries, problems: sortProblems(problems), fileCount: files.length, checkedFiles };
}
