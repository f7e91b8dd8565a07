import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under `dir` (a built site, a bundle, an input of the build's fingerprint), as paths
 * relative to it with forward slashes, sorted; none when `dir` does not exist.
 */
export async function listSiteFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
		(error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') return [];
			throw error;
		},
	);
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) =>
			path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		)
		.sort();
}

/** Every HTML page of a built site, as `listSiteFiles` names them. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
	return (await listSiteFiles(dir)).filter((file) => file.endsWith('.html'));
}
