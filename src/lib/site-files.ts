import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (a built site, a bundle), as paths relative to it with forward slashes, sorted. */
export async function listSiteFiles(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
}

/** Every HTML page of a built site, as `listSiteFiles` names them. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
	return (await listSiteFiles(dir)).filter((file) => file.endsWith('.html'));
}
