import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergePeople, MergePeopleError } from '#tools/import/merge-people.ts';
import { valueHash } from '#lib/schedule/merge.ts';
import { validateContent } from '#lib/validation/validate-content.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const files: Record<string, string> = {
	'events/conf-2024.md':
		'---\ntitle: Conf 2024\nseries: Conf\nstart: 2024-02-03\nend: 2024-02-04\norganisers: [ada-2]\n---\n',
	'people/ada.md':
		'---\nname: Ada Lovelace\nsource:\n  ids:\n    conf-2019: 1\n---\n\nWrote the first program.\n',
	'people/ada-2.md':
		'---\nname: A. Lovelace\naliases: [Countess of Lovelace]\nhandles: ["@ada"]\nsource:\n  ids:\n    conf-2024: 5\n    conf-2019: 9\n---\n\nMathematician.\n',
	'people/bob.md': '---\nname: Bob\n---\n',
	'talks/conf-2024/engines.md': `---\ntitle: Engines\nevent: conf-2024\nspeakers:\n  - ada-2\n  - bob\nimported:\n  speakers:\n    - ${valueHash('ada-2')}\n    - ${valueHash('bob')}\n---\n\nWith [Ada](/people/ada-2/).\n`,
	'talks/conf-2024/both.md': '---\ntitle: Both\nevent: conf-2024\nspeakers: [ada, ada-2]\n---\n',
	'recaps/conf-2024-recap.mdx':
		'---\ntitle: Recap\nevent: conf-2024\nauthor: ada-2\n---\n\nBy [A. Lovelace](/people/ada-2/), see <TalkCard id="conf-2024/engines" />.\n',
};

async function tree(): Promise<{ root: string; content: string }> {
	const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-merge-'));
	roots.push(root);
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(root, 'content', file)), { recursive: true });
		await writeFile(path.join(root, 'content', file), text);
	}
	return { root, content: path.join(root, 'content') };
}
const read = (content: string, file: string) => readFile(path.join(content, file), 'utf8');
const frontMatter = async (content: string, file: string) =>
	parse(/^---\n([\s\S]*?)\n---/.exec(await read(content, file))![1]!);

describe('mergePeople', () => {
	it('lists what it would change in a dry run, and changes nothing', async () => {
		const { content } = await tree();
		const result = await mergePeople({
			contentDir: content,
			from: 'ada-2',
			into: 'ada',
			dryRun: true,
		});
		expect(result.written).toBe(false);
		expect(result.changes).toEqual(
			expect.arrayContaining([
				{ path: 'talks/conf-2024/engines.md', action: 'references rewritten', references: 2 },
				{ path: 'recaps/conf-2024-recap.mdx', action: 'references rewritten', references: 2 },
				{ path: 'events/conf-2024.md', action: 'references rewritten', references: 1 },
				{ path: 'people/ada.md', action: 'merged into', references: 0 },
				{ path: 'people/ada-2.md', action: 'deleted', references: 0 },
			]),
		);
		for (const [file, text] of Object.entries(files)) expect(await read(content, file)).toBe(text);
	});

	it('rewrites every reference, keeps everything the old entry knew, and deletes it', async () => {
		const { root, content } = await tree();
		await mergePeople({ contentDir: content, from: 'ada-2', into: 'ada' });
		expect(await readdir(path.join(content, 'people'))).not.toContain('ada-2.md');
		expect(await frontMatter(content, 'people/ada.md')).toEqual({
			name: 'Ada Lovelace',
			aliases: ['A. Lovelace', 'Countess of Lovelace'],
			handles: ['@ada'],
			source: { ids: { 'conf-2019': [1, 9], 'conf-2024': 5 } },
		});
		expect(await read(content, 'people/ada.md')).toMatch(
			/Wrote the first program\.\n\nMathematician\.\n$/,
		);
		const engines = await frontMatter(content, 'talks/conf-2024/engines.md');
		expect(engines.speakers).toEqual(['ada', 'bob']);
		// The importer's snapshot follows, so the rename is not taken for a contributor's edit.
		expect(engines.imported.speakers).toEqual([valueHash('ada'), valueHash('bob')]);
		expect(await read(content, 'talks/conf-2024/engines.md')).toContain(
			'With [Ada](/people/ada/).',
		);
		expect((await frontMatter(content, 'talks/conf-2024/both.md')).speakers).toEqual(['ada']);
		expect(await frontMatter(content, 'events/conf-2024.md')).toMatchObject({
			organisers: ['ada'],
		});
		const recap = await read(content, 'recaps/conf-2024-recap.mdx');
		expect(recap).toContain('author: ada\n');
		expect(recap).toContain(
			'By [A. Lovelace](/people/ada/), see <TalkCard id="conf-2024/engines" />.',
		);
		expect((await validateContent(root, 'content')).problems).toEqual([]);
		expect(await readdir(content)).not.toContain('.edelweiss-import');
	});

	it('refuses unknown people, a person merged with themselves and what is no id (empty, a path, a name), writing nothing', async () => {
		const { content } = await tree();
		await expect(mergePeople({ contentDir: content, from: 'ada-3', into: 'ada' })).rejects.toThrow(
			`no valid person "ada-3" in ${content}/people/`,
		);
		await expect(
			mergePeople({ contentDir: content, from: 'ada', into: 'ada' }),
		).rejects.toBeInstanceOf(MergePeopleError);
		for (const [from, into] of [
			['', 'ada'],
			['ada', ''],
			['  ', 'ada'],
			['../bob', 'ada'],
			['ada', '/etc/passwd'],
			['Ada Lovelace', 'ada'],
		]) {
			const error = await mergePeople({ contentDir: content, from: from!, into: into! }).catch(
				(caught: unknown) => caught,
			);
			expect(error, `${from} ${into}`).toBeInstanceOf(MergePeopleError);
			expect((error as Error).message).toMatch(
				/^expected two person ids, the file names of content\/people\/ without \.md \(e\.g\. "ada-lovelace"\), found "/,
			);
		}
		for (const [file, text] of Object.entries(files)) expect(await read(content, file)).toBe(text);
	});
});
