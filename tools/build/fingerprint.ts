import { createHash, type Hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { updateWithParts } from '#lib/digest.ts';
import { listSiteFiles } from '#tools/site-files.ts';

/**
 * Adds the paths (relative to `root`) and contents of every file under each of `inputs` to
 * `hash`. Contents, not modification times: a fresh clone in CI has new times and the same files.
 */
export async function hashInputs(
	hash: Hash,
	root: string,
	inputs: readonly string[],
): Promise<void> {
	for (const input of inputs) {
		const absolute = path.resolve(root, input);
		const isFile = await stat(absolute).then(
			(stats) => stats.isFile(),
			() => false,
		);
		const files = isFile
			? [absolute]
			: (await listSiteFiles(absolute)).map((file) => path.join(absolute, file));
		// Read in parallel, hash in order: the digest must not depend on which read finishes first.
		for (let start = 0; start < files.length; start += fileConcurrency * 4) {
			const batch = files.slice(start, start + fileConcurrency * 4);
			// A file no one can open by its name (one not UTF-8) is the content check's to report, not the fingerprint's.
			const contents = await mapConcurrently(batch, fileConcurrency, (file) =>
				readFile(file).catch((error: NodeJS.ErrnoException) =>
					Buffer.from(`\0unreadable: ${error.code ?? error.message}`),
				),
			);
			batch.forEach((file, index) =>
				updateWithParts(hash, [
					path.relative(root, file).split(path.sep).join('/'),
					contents[index]!,
				]),
			);
		}
		hash.update('\u0001');
	}
}

/** A digest of `inputs` (files and folders under `root`) and of `extra` strings. */
export async function digestInputs(
	root: string,
	inputs: readonly string[],
	...extra: string[]
): Promise<string> {
	const hash = createHash('sha256');
	await hashInputs(hash, root, inputs);
	return updateWithParts(hash, extra).digest('hex');
}
