import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BodyScan } from './body';

/**
 * What validating one file found that depends on that file alone: its own problems (text,
 * front matter, schema, body) and what the cross-entry checks need from it (its data when valid,
 * its body's links and talk cards). Kept by the digest of its text.
 */
export interface FileResult extends BodyScan {
	digest: string;
	/** The entry's data as its schema produced it (plain JSON: dates are strings); absent when invalid. */
	data?: unknown;
}

export interface ValidationCacheOptions {
	/** Where the results are kept between runs, e.g. `<cacheDir>/edelweiss/validation.json`. */
	file: string;
	/** A digest of the code the results depend on (schemas, validator, packages): another key drops them all. */
	key: string;
}

interface Stored {
	key: string;
	/** By path relative to the project root. */
	files: Record<string, FileResult>;
}

export const textDigest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The results last stored under `key`, by file; none when the file is missing, unreadable or made by other code. */
export async function loadValidationCache({
	file,
	key,
}: ValidationCacheOptions): Promise<Map<string, FileResult>> {
	const stored = await readFile(file, 'utf8')
		.then((text) => JSON.parse(text) as Stored)
		.catch(() => undefined);
	return new Map(stored?.key === key ? Object.entries(stored.files) : []);
}

/** Replaces the stored results with `results` (written beside and renamed, so a stopped run leaves the last whole). */
export async function saveValidationCache(
	{ file, key }: ValidationCacheOptions,
	results: ReadonlyMap<string, FileResult>,
): Promise<void> {
	const stored: Stored = { key, files: Object.fromEntries(results) };
	await mkdir(path.dirname(file), { recursive: true });
	// Named by process: a build and a dev server of one checkout may both save.
	const next = `${file}.${process.pid}.next`;
	await writeFile(next, JSON.stringify(stored));
	await rename(next, file);
}
