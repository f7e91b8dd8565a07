import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { isEntryId } from '#lib/content/entry-id.ts';
import { commitFiles, completeInterruptedImport, withImportLock } from './import-journal';
import { valueHash } from '#lib/schedule/merge.ts';
import { normaliseName } from '#lib/schedule/people-index.ts';
import { findFrontmatter } from '#lib/validation/frontmatter.ts';
import { findReferences } from '#lib/content/references.ts';
import { formatProblem, isError, type Problem } from '#lib/validation/problem.ts';
import { validateContent } from '#lib/validation/validate-content.ts';

/**
 * Merges two person entries that are one person (`npm run people:merge`): every reference to
 * the old entry, in front matter and in links of bodies, is rewritten to the kept one; the kept
 * entry gains the old one's name as an alias, its aliases, handles, affiliations, links and
 * schedule ids and guids, so imports find it from now on; the old file is deleted. Everything
 * is checked as the build would check it before anything is written, and written at once
 * through the importer's journal.
 */

export interface MergePeopleOptions {
	contentDir: string;
	/** The entry that goes away. */
	from: string;
	/** The entry that stays. */
	into: string;
	dryRun?: boolean | undefined;
}

export interface MergeChange {
	/** Path inside the content tree. */
	path: string;
	/** What happens to it. */
	action: 'merged into' | 'deleted' | 'references rewritten';
	/** References to the old entry rewritten in it. */
	references: number;
}

export interface MergePeopleResult {
	changes: MergeChange[];
	written: boolean;
}

/** A merge that cannot be done as asked: nothing was written. */
export class MergePeopleError extends Error {
	constructor(
		message: string,
		readonly problems: Problem[] = [],
	) {
		super(message);
		this.name = 'MergePeopleError';
	}
}

type Json = Record<string, unknown>;
const asList = (value: unknown): unknown[] =>
	Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const union = (a: unknown, b: unknown) => {
	const items = [...asList(a)];
	for (const item of asList(b))
		if (!items.some((known) => JSON.stringify(known) === JSON.stringify(item))) items.push(item);
	return items;
};
const render = (document: Document, body: string) =>
	`---\n${document.toString({ lineWidth: 0 }).trimEnd()}\n---\n${body ? `\n${body}\n` : ''}`;

/** A file split for editing: its front matter as a YAML document, and its body. */
function split(text: string, file: string) {
	const span = findFrontmatter(text);
	const document = parseDocument(span?.yaml ?? '', { uniqueKeys: true });
	if (document.errors.length)
		throw new MergePeopleError(`${file}: front matter is not valid YAML; fix it, then merge again`);
	const body = text
		.slice(span?.end ?? 0)
		.replace(/^\r?\n/, '')
		.replace(/^\r?\n/, '')
		.replace(/\s+$/, '');
	return { document, body };
}

/** The kept person's front matter with everything the old one knew added. */
function mergePersonData(into: Json, from: Json): Json {
	const merged: Json = { ...into };
	const sameName =
		normaliseName(String(from.name ?? '')) === normaliseName(String(into.name ?? ''));
	const aliases = union(into.aliases, [
		...(sameName ? [] : [from.name]),
		...asList(from.aliases),
	]).filter((alias) => normaliseName(String(alias)) !== normaliseName(String(into.name ?? '')));
	if (aliases.length) merged.aliases = aliases;
	for (const field of ['handles', 'affiliations', 'links']) {
		const items = union(into[field], from[field]);
		if (items.length) merged[field] = items;
	}
	const intoSource = (into.source ?? {}) as Json;
	const fromSource = (from.source ?? {}) as Json;
	const guids = union(intoSource.guid, fromSource.guid);
	const ids: Json = { ...(intoSource.ids as Json | undefined) };
	for (const [edition, value] of Object.entries((fromSource.ids ?? {}) as Json)) {
		const both = union(ids[edition], value);
		ids[edition] = both.length === 1 ? both[0] : both;
	}
	const source = {
		...(guids.length ? { guid: guids.length === 1 ? guids[0] : guids } : {}),
		...(Object.keys(ids).length ? { ids } : {}),
	};
	if (Object.keys(source).length) merged.source = source;
	return merged;
}

/** Rewrites `/people/<from>/` links in a Markdown or MDX body. */
const rewriteLinks = (body: string, from: string, into: string) => {
	let count = 0;
	const text = body.replace(
		new RegExp(
			`(\\(|["'\\s])(/people/)${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|\\)|#|["'])`,
			'g',
		),
		(_, before: string, prefix: string, after: string) => {
			count++;
			return `${before}${prefix}${into}${after}`;
		},
	);
	return { text, count };
};

/**
 * Plans the merge of person `from` into person `into`, validates the tree as it would be, and
 * (unless a dry run) writes it. Throws `MergePeopleError` when either person is missing, when
 * they are the same, or when the result would not validate.
 */
export async function mergePeople(options: MergePeopleOptions): Promise<MergePeopleResult> {
	const contentDir = path.resolve(options.contentDir);
	const { from, into } = options;
	const [notId] = [from, into].filter((id) => !isEntryId(id));
	if (notId !== undefined) {
		throw new MergePeopleError(
			`expected two person ids, the file names of content/people/ without .md (e.g. "ada-lovelace"), found ${JSON.stringify(notId)}`,
		);
	}
	if (from === into)
		throw new MergePeopleError(
			`"${from}" is the same person as "${into}"; name two different entries`,
		);

	const plan = async () => {
		const root = path.dirname(contentDir);
		const relative = path.basename(contentDir);
		// Every entry's front matter, read quickly: the bodies that matter are checked below.
		const { entries } = await validateContent(root, relative, { changed: new Set() });
		const inside = (file: string) =>
			path.relative(contentDir, path.join(root, file)).split(path.sep).join('/');
		const person = (id: string) =>
			entries.find((entry) => entry.collection === 'people' && entry.id === id);
		const fromEntry = person(from);
		const intoEntry = person(into);
		const missing = [fromEntry ? undefined : from, intoEntry ? undefined : into].filter(Boolean);
		if (missing.length) {
			throw new MergePeopleError(
				`no valid person ${missing.map((id) => `"${id}"`).join(' or ')} in ${contentDir}/people/; names are file names, e.g. "ada-lovelace"`,
			);
		}

		const files: { path: string; text: string | null; before: string }[] = [];
		const changes: MergeChange[] = [];
		const read = async (file: string) => readFile(path.join(contentDir, file), 'utf8');

		const others = entries.filter((entry) => entry !== fromEntry && entry !== intoEntry);
		const texts = await mapConcurrently(others, fileConcurrency, (entry) =>
			read(inside(entry.file)),
		);
		for (const [index, entry] of others.entries()) {
			const file = inside(entry.file);
			const refs = findReferences(entry.data).filter(
				({ ref }) => ref.collection === 'people' && ref.id === from,
			);
			const text = texts[index]!;
			const { text: body, count: links } = rewriteLinks(text, from, into);
			if (!refs.length && !links) continue;
			const { document, body: newBody } = split(body, file);
			for (const { path: fieldPath } of refs) document.setIn(fieldPath, into);
			dropRepeatedReferences(document, into);
			// The importer's snapshot of a speakers list hashes each id: renamed too, so the change is not read as an edit.
			const snapshot = document.getIn(['imported', 'speakers']);
			if (isSeq(snapshot)) {
				snapshot.items = snapshot.items.map((item) =>
					isScalar(item) && item.value === valueHash(from)
						? document.createNode(valueHash(into))
						: item,
				) as typeof snapshot.items;
			}
			files.push({ path: file, text: render(document, newBody), before: text });
			changes.push({ path: file, action: 'references rewritten', references: refs.length + links });
		}

		const intoFile = inside(intoEntry!.file);
		const intoText = await read(intoFile);
		const fromFile = inside(fromEntry!.file);
		const fromText = await read(fromFile);
		const kept = split(intoText, intoFile);
		const gone = split(fromText, fromFile);
		const merged = mergePersonData(kept.document.toJS() as Json, gone.document.toJS() as Json);
		for (const [field, value] of Object.entries(merged)) {
			if (JSON.stringify(kept.document.get(field, false)) !== JSON.stringify(value))
				kept.document.set(field, value);
		}
		// The old entry's words stay, under the kept one's.
		const body = [kept.body, gone.body && gone.body !== kept.body ? gone.body : '']
			.filter(Boolean)
			.join('\n\n');
		files.push({
			path: intoFile,
			text: render(kept.document, rewriteLinks(body, from, into).text),
			before: intoText,
		});
		files.push({ path: fromFile, text: null, before: fromText });
		changes.push(
			{ path: intoFile, action: 'merged into', references: 0 },
			{ path: fromFile, action: 'deleted', references: 0 },
		);

		const overlay = new Map(
			files.flatMap((file) => (file.text === null ? [] : [[file.path, file.text] as const])),
		);
		const changed = new Set(overlay.keys());
		const after = await validateContent(root, relative, {
			overlay,
			changed,
			removed: new Set([fromFile]),
		});
		const before = new Set(
			(await validateContent(root, relative, { changed })).problems.map(formatProblem),
		);
		const caused = after.problems.filter(
			(problem) => isError(problem) && !before.has(formatProblem(problem)),
		);
		if (caused.length)
			throw new MergePeopleError(
				`the merge would leave ${caused.length} problem${caused.length === 1 ? '' : 's'} in the content; nothing was written`,
				caused,
			);
		return { files, changes };
	};

	if (options.dryRun) return { changes: (await plan()).changes, written: false };
	return withImportLock(contentDir, async () => {
		await completeInterruptedImport(contentDir);
		const { files, changes } = await plan();
		await commitFiles(contentDir, files);
		return { changes, written: true };
	});
}

/** A talk that listed both people lists the kept one once. */
function dropRepeatedReferences(document: Document, id: string): void {
	if (!isMap(document.contents)) return;
	for (const pair of document.contents.items) {
		if (!isSeq(pair.value)) continue;
		let seen = false;
		pair.value.items = pair.value.items.filter((item) => {
			if (!isScalar(item) || item.value !== id) return true;
			if (seen) return false;
			seen = true;
			return true;
		});
	}
}
