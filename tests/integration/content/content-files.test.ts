import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '#lib/content/content-files.ts';
import { textHash } from '#lib/content/import-state.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** A content tree from `{ path: text }`; a text starting `->` makes a symbolic link to the rest. */
async function tree(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-listing-'));
	roots.push(root);
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(root, file)), { recursive: true });
		if (text.startsWith('->')) await symlink(text.slice(2), path.join(root, file));
		else await writeFile(path.join(root, file), text);
	}
	return root;
}

describe('listContentFiles', () => {
	it('lists content files by collection with their ids, in a stable order, skipping dot files', async () => {
		const root = await tree({ 'talks/2021/Ifupdown-NG.mdx': '', 'talks/a.md': '', 'talks/.draft.md': '', 'talks/photo.png': '', 'people/ada.md': '' });
		const { files, problems } = await listContentFiles(root);
		expect(problems).toEqual([]);
		expect(files.map((file) => [file.collection, file.path, file.id])).toEqual([
			['talks', 'talks/2021/Ifupdown-NG.mdx', '2021/ifupdown-ng'],
			['talks', 'talks/a.md', 'a'],
			['people', 'people/ada.md', 'ada'],
		]);
	});

	it('refuses symbolic links to files and to folders, and does not follow them', async () => {
		const outside = await tree({ 'secret.md': '---\nname: Secret\n---\n', 'folder/x.md': '' });
		const root = await tree({
			'people/ada.md': '',
			'people/secret.md': `->${path.join(outside, 'secret.md')}`,
			'talks/linked': `->${path.join(outside, 'folder')}`,
			notes: `->${outside}`,
		});
		const { files, problems } = await listContentFiles(root);
		expect(files.map((file) => file.path)).toEqual(['people/ada.md']);
		expect(problems.map((problem) => problem.path).sort()).toEqual(['notes', 'people/secret.md', 'talks/linked']);
		expect(problems[0]!.message).toMatch(/symbolic links are refused/);
	});

	it('reports what is not published: stray top-level files, other folders, misnamed content', async () => {
		const root = await tree({ 'README.md': '', 'drafts/x.md': '', 'talks/x.markdown': '', 'talks/y.md': '' });
		const { problems } = await listContentFiles(root);
		expect(problems).toEqual([
			{
				path: 'README.md',
				message: 'this file is outside every collection, so it is not published',
				hint: expect.stringContaining('move it into one of events'),
			},
			expect.objectContaining({ path: 'drafts', message: '"drafts" is not a collection, so nothing in it is published' }),
			{ path: 'talks/x.markdown', message: 'this file is not read: content files end in .md or .mdx', hint: expect.stringContaining('rename it') },
		]);
	});

	it('reports a name that is not UTF-8, which no file can be opened by, and lists nothing under it', async () => {
		const root = await tree({ 'notes/fine.md': '' });
		await writeFile(Buffer.from(path.join(root, 'notes/caf\xe9.md'), 'latin1'), '');
		await mkdir(Buffer.from(path.join(root, 'talks/\xe9t\xe9'), 'latin1'), { recursive: true });
		await writeFile(Buffer.from(path.join(root, 'talks/\xe9t\xe9/x.md'), 'latin1'), '');
		const { files, problems } = await listContentFiles(root);
		expect(files.map((file) => file.path)).toEqual(['notes/fine.md']);
		expect(problems.map(({ path: at, message }) => ({ at, message }))).toEqual([
			{ at: 'talks/\uFFFDt\uFFFD', message: 'the file name is not UTF-8 text, so the file cannot be read by it' },
			{ at: 'notes/caf\uFFFD.md', message: 'the file name is not UTF-8 text, so the file cannot be read by it' },
		]);
	});

	it('reports near misses of a content name, which the build would skip without a word', async () => {
		const names = ['x.md.', 'y.MD', 'z.Mdx', 'w.md~', 'v.md.orig', 'u.mdx ', 't.md.bak'];
		const root = await tree({ ...Object.fromEntries(names.map((name) => [`notes/${name}`, ''])), 'notes/photo.png': '', 'notes/fine.md': '' });
		const { files, problems } = await listContentFiles(root);
		expect(files.map((file) => file.path)).toEqual(['notes/fine.md']);
		expect(problems.map((problem) => problem.path).sort()).toEqual(names.map((name) => `notes/${name}`).sort());
		for (const problem of problems) expect(problem.message).toBe('this file is not read: content files end in .md or .mdx');
	});

	it('says when the content folder is missing or is a file', async () => {
		const root = await tree({ 'file.md': '' });
		expect((await listContentFiles(path.join(root, 'contnet'))).problems).toEqual([
			expect.objectContaining({ path: '.', message: 'the content folder does not exist' }),
		]);
		expect((await listContentFiles(path.join(root, 'file.md'))).problems).toEqual([
			expect.objectContaining({ path: '.', message: 'expected the content folder, found a file' }),
		]);
	});

	it('reports an import interrupted while it replaced files, and hints --finish only for a proven journal', async () => {
		const journal = JSON.stringify({ started: '2026-01-01T00:00:00Z', files: [{ path: 'talks/a.md', before: textHash(''), after: textHash('new') }] });
		const root = await tree({ 'talks/a.md': '', '.edelweiss-import/journal.json': journal, '.edelweiss-import/stage/talks/a.md': 'new' });
		const { files, problems } = await listContentFiles(root);
		expect(files.map((file) => file.path)).toEqual(['talks/a.md']);
		expect(problems).toEqual([
			expect.objectContaining({
				path: '.edelweiss-import/journal.json',
				message: expect.stringContaining('half imported'),
				hint: expect.stringContaining('--finish'),
			}),
		]);

		const forged = await tree({ 'talks/a.md': '', '.edelweiss-import/journal.json': '{}' });
		expect((await listContentFiles(forged)).problems).toEqual([
			expect.objectContaining({
				path: '.edelweiss-import/journal.json',
				message: expect.stringContaining('the import journal cannot be trusted'),
				hint: expect.not.stringContaining('--finish'),
				untrusted: 'untrusted import state',
			}),
		]);
	});
});
