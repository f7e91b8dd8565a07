import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll } from 'vitest';

/** A minimal valid page around `body`. */
export const page = (body: string, head = '') =>
	`<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Page</title>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Writes files (path → content) under `dir`; with `age`, dated that many ms in the past, as an earlier build's output. */
export async function writeFiles(
	dir: string,
	files: Record<string, string | Uint8Array>,
	{ age }: { age?: number } = {},
): Promise<void> {
	for (const [file, content] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), content);
		if (age !== undefined)
			await utimes(path.join(dir, file), new Date(Date.now() - age), new Date(Date.now() - age));
	}
}

/** Writes a small "built site" (path → HTML) into a scratch folder removed after the test file; call it in a `describe`. */
export async function scratchSite(
	files: Record<string, string | Uint8Array>,
	options: { age?: number } = {},
): Promise<string> {
	const dist = await mkdtemp(path.join(tmpdir(), 'edelweiss-site-'));
	afterAll(() => rm(dist, { recursive: true, force: true }));
	await writeFiles(dist, files, options);
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
