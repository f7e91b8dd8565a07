import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '../concurrency';

/** Every file under `dir` (or `dir` itself when it is a file), sorted; empty when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOTDIR') return null;
		if (error.code === 'ENOENT') return [];
		throw error;
	});
	if (entries === null) return [dir];
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/**
 * Adds the paths (relative to `root`) and contents of every file under each of `inputs` to
 * `hash`. Contents, not modification times: a fresh clone in CI has new times and the same files.
 */
export async function hashInputs(hash: Hash, root: string, inputs: readonly string[]): Promise<void> {
	for (const input of inputs) {
		const files = await listFiles(path.resolve(root, input));
		// Read in parallel, hash in order: the digest must not depend on which read finishes first.
		for (let start = 0; start < files.length; start += fileConcurrency * 4) {
			const batch = files.slice(start, start + fileConcurrency * 4);
			const contents = await mapConcurrently(batch, fileConcurrency, (file) => readFile(file));
			batch.forEach((file, index) => hash.update(path.relative(root, file).split(path.sep).join('/')).update('\0').update(contents[index]!).update('\0'));
		}
		hash.update('\u0001');
	}
}

/** A digest of `inputs` (files and folders under `root`) and of `extra` strings. */
export async function digestInputs(root: string, inputs: readonly string[], ...extra: string[]): Promise<string> {
	const hash = createHash('sha256');
	await hashInputs(hash, root, inputs);
	for (const part of extra) hash.update(part).update('\0');
	return hash.digest('hex');
}
