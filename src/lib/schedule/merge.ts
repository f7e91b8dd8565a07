import { createHash } from 'node:crypto';
import { parseFrontmatter } from 'astro/markdown';
import { Document, isPair, isScalar, parseDocument, visit } from 'yaml';
import { findFrontmatter } from '#lib/validation/frontmatter.ts';

/** JSON with object keys sorted, so equal values always hash alike. */
export function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => a.localeCompare(b));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

export const valueHash = (value: unknown) =>
	createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 10);
const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

/** The snapshot key under which the Markdown body's hash is kept. */
export const bodyKey = '$body';
/** The snapshot key under which the hash of the schedule's input is kept. */
export const inputKey = '$schedule';

export interface Conflict {
	field: string;
	/** What the file says (kept). */
	kept: unknown;
	/** What the schedule says now (not written). */
	schedule: unknown;
}

export interface ImportedEntry {
	/** Imported front matter fields; undefined means the schedule has no value. */
	fields: Record<string, unknown>;
	/** The Markdown body, or undefined where the importer leaves the body to contributors. */
	body?: string;
	/** Fields merged item by item, so a contributor's added links or speakers stay. */
	listFields: readonly string[];
	/** Object fields the schedule adds keys to, keeping keys it does not know (`source.url`). */
	extendFields?: readonly string[];
	/** Fields this import leaves as they are (a person's name, when an older edition is imported). */
	keepFields?: readonly string[];
	/** A hash of what the entry was made from, kept as `$schedule` (`talkInputHash`). */
	inputHash?: string;
}

export interface MergeResult {
	/** Full file text to write, or undefined when nothing changed. */
	text: string | undefined;
	conflicts: Conflict[];
}

type Snapshot = Record<string, string | string[]>;

/**
 * Three-way merge of one entry: the file as it is now, what the importer wrote last time (the
 * hashes in its `imported` field) and what the schedule says now. A field the contributor has
 * not touched since the last import takes the schedule's value; a field they edited keeps
 * their value, and if the schedule changed it too, that is a conflict to report. List fields
 * keep the contributor's added items and honour items they removed. `readData` is the front
 * matter as already read (`parseEntrySource`), if the caller has it.
 */
export function mergeEntry(
	existingText: string | undefined,
	imported: ImportedEntry,
	readData?: Record<string, unknown>,
): MergeResult {
	if (existingText === undefined) {
		const snapshot: Snapshot = {};
		const data: Record<string, unknown> = {};
		for (const [field, value] of Object.entries(imported.fields)) {
			if (value === undefined) continue;
			if (imported.listFields.includes(field)) {
				snapshot[field] = (value as unknown[]).map(valueHash);
				if ((value as unknown[]).length) data[field] = value;
				continue;
			}
			data[field] = value;
			snapshot[field] = valueHash(value);
		}
		if (imported.body !== undefined) snapshot[bodyKey] = valueHash(imported.body || undefined);
		if (imported.inputHash) snapshot[inputKey] = imported.inputHash;
		data.imported = snapshot;
		return { text: render(toYaml(new Document(data)), imported.body ?? ''), conflicts: [] };
	}

	const span = findFrontmatter(existingText);
	// The end of the closing `---` line, then the blank line `render` puts before the body.
	const body = existingText
		.slice(span?.end ?? 0)
		.replace(/^\r?\n/, '')
		.replace(/^\r?\n/, '')
		.replace(/\s+$/, '');
	// Most re-imported files do not change: decided on the data already read, they skip a second
	// parse. Any change is decided again on the YAML document that will be written.
	if (readData) {
		const quick = decide(plainData(readData) as Record<string, unknown>, body, imported);
		if (!quick.changes.size && quick.body === undefined)
			return { text: undefined, conflicts: quick.conflicts };
	}
	const document = parseDocument(span?.yaml ?? '', { uniqueKeys: true });
	if (document.errors.length) {
		throw new Error(
			`front matter is not valid YAML (${document.errors[0]!.message.split('\n')[0]}); fix it, then import again`,
		);
	}
	const {
		changes,
		body: newBody,
		conflicts,
	} = decide((document.toJS() ?? {}) as Record<string, unknown>, body, imported);
	if (!changes.size && newBody === undefined) return { text: undefined, conflicts };
	for (const [field, value] of changes) {
		if (value === undefined) document.delete(field);
		else document.set(field, value);
	}
	return { text: render(toYaml(document), newBody ?? body), conflicts };
}

/**
 * The three-way decision for every field of one entry: the values to set (undefined deletes),
 * the new body if it changes, and the conflicts, given the front matter as it is now.
 */
function decide(current: Record<string, unknown>, body: string, imported: ImportedEntry) {
	const previous = (current.imported ?? {}) as Snapshot;
	const snapshot: Snapshot = {};
	const conflicts: Conflict[] = [];
	const changes = new Map<string, unknown>();
	const set = (field: string, value: unknown) => {
		if (!same(current[field], value)) changes.set(field, value);
	};

	const fields = new Set([
		...Object.keys(imported.fields),
		...Object.keys(previous).filter((key) => key !== bodyKey && key !== inputKey),
	]);
	for (const field of fields) {
		if (imported.keepFields?.includes(field)) {
			if (previous[field] !== undefined) snapshot[field] = previous[field]!;
			continue;
		}
		const known = current[field];
		const extended =
			imported.extendFields?.includes(field) && isRecord(known) && isRecord(imported.fields[field]);
		const next = extended
			? { ...known, ...(imported.fields[field] as object) }
			: imported.fields[field];
		if (imported.listFields.includes(field)) {
			const { value, hashes } = mergeList(current[field], next, previous[field]);
			set(field, value);
			snapshot[field] = hashes;
			continue;
		}
		// Only adding to an object a contributor wrote (a key, an edition's id) is no conflict.
		const onlyAdds = extended && contains(next, known);
		const decision: Decision = onlyAdds
			? { take: true }
			: mergeValue(field, current[field], next, previous[field] as string | undefined);
		if (decision.take) set(field, next);
		else if (decision.conflict) conflicts.push(decision.conflict);
		if (next !== undefined) snapshot[field] = valueHash(next);
	}

	let newBody: string | undefined;
	if (imported.body !== undefined) {
		const decision = mergeValue(
			'body',
			body || undefined,
			imported.body || undefined,
			previous[bodyKey] as string | undefined,
		);
		if (!decision.take) {
			if (decision.conflict) conflicts.push(decision.conflict);
		} else if (body !== imported.body) {
			newBody = imported.body;
		}
		snapshot[bodyKey] = valueHash(imported.body || undefined);
	}
	if (imported.inputHash) snapshot[inputKey] = imported.inputHash;

	set('imported', snapshot);
	return { changes, body: newBody, conflicts };
}

/** Front matter as Astro's parser gives it, with its dates written back as YAML text (`2020-02-01`). */
function plainData(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
	if (Array.isArray(value)) return value.map(plainData);
	if (isRecord(value))
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainData(item)]));
	return value;
}

/** Whether `outer` holds everything `inner` does: the same keys with values that contain theirs, the same list items. */
function contains(outer: unknown, inner: unknown): boolean {
	if (isRecord(outer) && isRecord(inner))
		return Object.entries(inner).every(([key, value]) => contains(outer[key], value));
	if (Array.isArray(outer) && Array.isArray(inner))
		return inner.every((item) => outer.some((candidate) => same(candidate, item)));
	// One id and a list holding it: an edition that gained a second id.
	if (Array.isArray(outer) && !isRecord(inner))
		return outer.some((candidate) => same(candidate, inner));
	return same(outer, inner);
}

type Decision = { take: true } | { take: false; conflict?: Conflict };

function mergeValue(
	field: string,
	current: unknown,
	next: unknown,
	previousHash: string | undefined,
): Decision {
	if (same(current, next)) return { take: true };
	// The schedule has nothing to say about a field it never filled: whatever is there stays.
	if (next === undefined && previousHash === undefined) return { take: false };
	// Untouched since the last import (or never written by anyone): the schedule decides.
	const untouched =
		previousHash === undefined ? current === undefined : valueHash(current) === previousHash;
	if (untouched) return { take: true };
	// Edited by hand while the schedule kept its old value: the edit stays, silently.
	if (previousHash !== undefined && valueHash(next) === previousHash) return { take: false };
	return { take: false, conflict: { field, kept: current, schedule: next } };
}

function mergeList(current: unknown, next: unknown, previous: string | string[] | undefined) {
	const currentItems = Array.isArray(current) ? current : [];
	const nextItems = Array.isArray(next) ? next : [];
	const previousHashes = new Set(Array.isArray(previous) ? previous : []);
	const currentHashes = new Set(currentItems.map(valueHash));
	// Items the importer wrote before and the contributor deleted stay deleted.
	const fromSchedule = nextItems.filter((item) => {
		const hash = valueHash(item);
		return !previousHashes.has(hash) || currentHashes.has(hash);
	});
	const scheduleHashes = new Set(fromSchedule.map(valueHash));
	const added = currentItems.filter((item) => {
		const hash = valueHash(item);
		return !previousHashes.has(hash) && !scheduleHashes.has(hash);
	});
	const value = [...fromSchedule, ...added];
	return {
		value: value.length || current !== undefined ? value : undefined,
		hashes: nextItems.map(valueHash),
	};
}

/** Whether Astro's YAML parser (js-yaml, with timestamps and `0b` numbers) reads `text` unquoted as that same string. */
function readsBackAsString(text: string): boolean {
	try {
		return parseFrontmatter(`---\nvalue: ${text}\n---\n`).frontmatter.value === text;
	} catch {
		return false;
	}
}

/** Fields whose schema takes a date written plain (YAML's `2024-03-09`), as contributors write them. */
const dateFields = new Set(['day', 'start', 'end']);

/**
 * Quotes strings another YAML reader would take for something else: times (YAML 1.1 parsers
 * read an unquoted `10:30` as the number 630), and anything Astro's parser reads as a date or
 * number although the `yaml` package writes it plain (a title `2024-03-09 10:00`, `0b101`).
 */
function toYaml(document: Document): string {
	visit(document, {
		Scalar(key, node, path) {
			if (!isScalar(node) || typeof node.value !== 'string') return;
			const pair = path.at(-1);
			const field =
				key === 'value' && isPair(pair) && isScalar(pair.key) ? pair.key.value : undefined;
			if (
				typeof field === 'string' &&
				dateFields.has(field) &&
				/^\d{4}-\d{2}-\d{2}$/.test(node.value)
			)
				return;
			if (
				/^\d{1,2}:\d{2}$/.test(node.value) ||
				(/^[\d+\-.]/.test(node.value) && !readsBackAsString(node.value))
			)
				node.type = 'QUOTE_DOUBLE';
		},
	});
	return document.toString({ lineWidth: 0 });
}

const render = (yaml: string, body: string) =>
	`---\n${yaml.trimEnd()}\n---\n${body ? `\n${body}\n` : ''}`;
