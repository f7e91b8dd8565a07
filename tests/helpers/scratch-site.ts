import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll } from 'vitest';

/** A minimal valid page around `body`. */
export const page = (body: string, head = '') =>
	`<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Page</title>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Writes a small "built site" (path → HTML) into a scratch folder removed after the test file; call it in a `describe`. */
export async function scratchSite(files: Record<string, string>): Promise<string> {
	const dist = await mkdtemp(path.join(tmpdir(), 'edelweiss-site-'));
	afterAll(() => rm(dist, { recursive: true, force: true }));
	for (const [file, html] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
		await writeFile(path.join(dist, file), html);
	}
	return dist;
}

/** Indexes a scratch site with Pagefind's Node API into `<dist>/pagefind/`, as the build does. */
export async function indexScratchSite(dist: string): Promise<void> {
	const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) throw new Error('Pagefind could not start');
	try {
		await index.addDirectory({ path: dist });
		await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
	} finally {
		await pagefind.close();
	}
}
