import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** Parses a built page by its URL path: `/talks/x/` → `<dist>/talks/x/index.html`. */
export async function loadPage(dist: string, urlPath: string): Promise<CheerioAPI> {
	const file = urlPath.endsWith('/')
		? path.join(dist, urlPath, 'index.html')
		: path.join(dist, urlPath);
	return load(await readFile(file, 'utf8'));
}
