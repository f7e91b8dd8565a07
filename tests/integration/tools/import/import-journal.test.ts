import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textHash } from '#lib/content/import-state.ts';
import {
	commitFiles,
	completeInterruptedImport,
	ImportChangedError,
} from '#tools/import/import-journal.ts';

async function tree(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-journal-'));
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(root, file)), { recursive: true });
		await writeFile(path.join(root, file), text);
	}
	return root;
}

describe('the import journal', () => {
	it('replaces and creates files, and leaves no work folder', async () => {
		const content = await tree({ 'people/ada.md': 'old' });
		await commitFiles(content, [
			{ path: 'people/ada.md', text: 'new', before: 'old' },
			{ path: 'people/grace.md', text: 'created', before: undefined },
		]);
		expect(await readFile(path.join(content, 'people/ada.md'), 'utf8')).toBe('new');
		expect(await readFile(path.join(content, 'people/grace.md'), 'utf8')).toBe('created');
		expect(await completeInterruptedImport(content)).toEqual([]);
	});

	it('refuses to create a file that appeared since the import looked', async () => {
		const content = await tree({ 'people/grace.md': 'written meanwhile' });
		await expect(
			commitFiles(content, [{ path: 'people/grace.md', text: 'imported', before: undefined }]),
		).rejects.toBeInstanceOf(ImportChangedError);
		expect(await readFile(path.join(content, 'people/grace.md'), 'utf8')).toBe('written meanwhile');
	});

	it('completes a decided import from where it stopped, but not over a file changed since', async () => {
		const journal = (files: object[]) => JSON.stringify({ started: '2026-01-01T00:00:00Z', files });
		const entries = [
			{ path: 'people/ada.md', before: textHash('old ada'), after: textHash('new ada') },
			{ path: 'people/bob.md', before: textHash('old bob'), after: textHash('new bob') },
		];
		// Ada was moved into place before the interruption; Bob was not.
		const state = {
			'people/ada.md': 'new ada',
			'people/bob.md': 'old bob',
			'.edelweiss-import/journal.json': journal(entries),
			'.edelweiss-import/backup/people/ada.md': 'old ada',
			'.edelweiss-import/stage/people/bob.md': 'new bob',
		};
		const content = await tree(state);
		expect(await completeInterruptedImport(content)).toEqual(['people/ada.md', 'people/bob.md']);
		expect(await readFile(path.join(content, 'people/bob.md'), 'utf8')).toBe('new bob');

		const edited = await tree({ ...state, 'people/bob.md': 'bob, edited after the crash' });
		await expect(completeInterruptedImport(edited)).rejects.toThrow(
			'an interrupted import cannot be completed: people/bob.md changed since',
		);
		expect(await readFile(path.join(edited, 'people/bob.md'), 'utf8')).toBe(
			'bob, edited after the crash',
		);
	});

	it('deletes files too, and completes an interrupted deletion', async () => {
		const content = await tree({ 'people/ada.md': 'ada', 'people/ada-2.md': 'the same ada' });
		await commitFiles(content, [
			{ path: 'people/ada.md', text: 'both adas', before: 'ada' },
			{ path: 'people/ada-2.md', text: null, before: 'the same ada' },
		]);
		expect(await readFile(path.join(content, 'people/ada.md'), 'utf8')).toBe('both adas');
		await expect(readFile(path.join(content, 'people/ada-2.md'), 'utf8')).rejects.toThrow(/ENOENT/);

		const journal = JSON.stringify({
			started: '2026-01-01T00:00:00Z',
			files: [{ path: 'people/old.md', before: textHash('old'), after: null }],
		});
		const interrupted = await tree({
			'people/old.md': 'old',
			'.edelweiss-import/journal.json': journal,
		});
		expect(await completeInterruptedImport(interrupted)).toEqual(['people/old.md']);
		await expect(readFile(path.join(interrupted, 'people/old.md'), 'utf8')).rejects.toThrow(
			/ENOENT/,
		);
		const edited = await tree({
			'people/old.md': 'edited since',
			'.edelweiss-import/journal.json': journal,
		});
		await expect(completeInterruptedImport(edited)).rejects.toThrow('people/old.md changed since');
	});
});
