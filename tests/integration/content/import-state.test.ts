import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importWorkFolder, inspectImportState, textHash } from '#lib/content/import-state.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

async function tree(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-import-state-'));
	roots.push(root);
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(root, file)), { recursive: true });
		await writeFile(path.join(root, file), text);
	}
	return root;
}

const journal = (files: object[]) => JSON.stringify({ started: '2026-01-01T00:00:00Z', files });

describe('inspectImportState', () => {
	it('finds nothing in a tree no import touched, and nothing decided in a stage without a journal', async () => {
		expect(await inspectImportState(await tree({ 'talks/a.md': '' }))).toEqual({ kind: 'none' });
		expect(await inspectImportState(await tree({ [`${importWorkFolder}/stage/talks/a.md`]: 'x' }))).toEqual({ kind: 'none' });
	});

	it('proves a journal an import wrote: paths inside collections, staged texts matching their hashes', async () => {
		const files = [
			{ path: 'talks/a.md', before: textHash('old'), after: textHash('new') },
			{ path: 'people/gone.md', before: textHash('gone'), after: null },
		];
		const root = await tree({ [`${importWorkFolder}/journal.json`]: journal(files), [`${importWorkFolder}/stage/talks/a.md`]: 'new' });
		expect(await inspectImportState(root)).toEqual({ kind: 'interrupted', files });
	});

	it('says why a journal cannot be trusted, at the journal', async () => {
		const root = await tree({ [`${importWorkFolder}/journal.json`]: journal([{ path: '../x.md', before: null, after: textHash('x') }]) });
		expect(await inspectImportState(root)).toEqual({
			kind: 'untrusted',
			path: `${importWorkFolder}/journal.json`,
			reason: 'the import journal cannot be trusted: "../x.md" is not a content file inside a collection folder',
		});
	});
});
