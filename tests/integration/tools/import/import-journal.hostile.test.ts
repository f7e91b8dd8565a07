import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '#lib/content/content-files.ts';
import { mergePeople } from '#tools/import/merge-people.ts';
import { importWorkFolder, inspectImportState, textHash } from '#lib/content/import-state.ts';
import { completeInterruptedImport, withImportLock } from '#tools/import/import-journal.ts';
import { finishInterruptedImport } from '#tools/import/import-schedule.ts';

/**
 * A merge request can commit anything, `content/.edelweiss-import/` included (`git add -f`).
 * Each case is a journal an attacker could write; the outcome is always the same: refused,
 * naming the journal, with no hint to run anything on it, and nothing written anywhere.
 */
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** A repository with `content/` inside and a file beside it, as a checkout has. */
async function checkout(files: Record<string, string>): Promise<{ repo: string; content: string }> {
	const repo = await mkdtemp(path.join(tmpdir(), 'edelweiss-hostile-journal-'));
	roots.push(repo);
	for (const [file, text] of Object.entries({
		'scripts/build.ts': 'the real build\n',
		'README.md': 'readme\n',
		...files,
	})) {
		await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
		await writeFile(path.join(repo, file), text);
	}
	return { repo, content: path.join(repo, 'content') };
}

const journalOf = (files: { path: string; before: string | null; after: string | null }[]) =>
	JSON.stringify({ started: '2026-01-01T00:00:00Z', files });
const attack = 'console.log("owned")\n';

/** Every file of the checkout with its text, to prove nothing changed. */
function snapshot(repo: string): string {
	return execFileSync(
		'sh',
		['-c', 'find . -path ./.git -prune -o -type f -print | sort | xargs -d "\\n" sha256sum'],
		{ cwd: repo, encoding: 'utf8' },
	);
}

const paths = [
	'../scripts/build.ts',
	'../README.md',
	'../../.x.md',
	'/tmp/edelweiss-owned.md',
	'talks/../../scripts/build.ts',
	'talks/./x.md',
	'talks//x.md',
	'talks/.hidden.md',
	'talks/x.ts',
	'talks',
	'.edelweiss-import/journal.md',
	'scripts/build.md',
	'talks\\..\\..\\x.md',
];

describe('a committed or forged import journal', () => {
	it.each(paths)(
		'refuses a journal path %j before anything moves, and no message tells anyone to --finish it',
		async (hostile) => {
			const { repo, content } = await checkout({
				'content/talks/real.md': '---\ntitle: Real\n---\n',
				[`content/${importWorkFolder}/journal.json`]: journalOf([
					{ path: hostile, before: textHash('the real build\n'), after: textHash(attack) },
				]),
				[`content/${importWorkFolder}/stage/x`]: attack,
			});
			const before = snapshot(repo);
			await expect(completeInterruptedImport(content)).rejects.toThrow(
				/journal\.json: the import journal cannot be trusted: .* is not a content file inside a collection folder/,
			);
			const { problems } = await listContentFiles(content);
			expect(problems).toEqual([
				expect.objectContaining({
					path: `${importWorkFolder}/journal.json`,
					untrusted: 'untrusted import state',
				}),
			]);
			expect(problems[0]!.hint).not.toContain('--finish');
			expect(snapshot(repo)).toBe(before);
			expect(existsSync('/tmp/edelweiss-owned.md')).toBe(false);
		},
	);

	it('refuses a staged file that is not the text the journal records (the "before" hash is public, the stage is not)', async () => {
		const { repo, content } = await checkout({
			'content/talks/real.md': 'real\n',
			[`content/${importWorkFolder}/journal.json`]: journalOf([
				{
					path: 'talks/real.md',
					before: textHash('real\n'),
					after: textHash('what the journal says'),
				},
			]),
			[`content/${importWorkFolder}/stage/talks/real.md`]: 'something else entirely',
		});
		const before = snapshot(repo);
		await expect(completeInterruptedImport(content)).rejects.toThrow(
			'the staged "talks/real.md" is not the text the journal records',
		);
		expect(snapshot(repo)).toBe(before);
	});

	it.each([
		['not JSON', '{"files": ['],
		['the wrong shape', '{"started": 1, "files": "talks/a.md"}'],
		[
			'an unknown key',
			JSON.stringify({
				started: 'x',
				files: [{ path: 'talks/a.md', before: null, after: null, run: 'rm -rf /' }],
			}),
		],
		[
			'a hash that is not one',
			JSON.stringify({ started: 'x', files: [{ path: 'talks/a.md', before: 'abc', after: null }] }),
		],
		[
			'a path listed twice',
			journalOf([
				{ path: 'talks/a.md', before: null, after: null },
				{ path: 'talks/a.md', before: null, after: null },
			]),
		],
		[
			'a deletion with a staged version',
			journalOf([{ path: 'talks/a.md', before: null, after: null }]),
		],
	])('refuses a malformed journal (%s), naming the journal', async (_, text) => {
		const { repo, content } = await checkout({
			[`content/${importWorkFolder}/journal.json`]: text,
			[`content/${importWorkFolder}/stage/talks/a.md`]: 'staged',
		});
		const before = snapshot(repo);
		await expect(completeInterruptedImport(content)).rejects.toThrow(
			new RegExp(`${importWorkFolder}/journal\\.json: the import journal cannot be trusted`),
		);
		expect(snapshot(repo)).toBe(before);
	});

	it('refuses a staged file or a collection folder that is a link out of the tree', async () => {
		const outside = await checkout({ 'elsewhere/talks/a.md': attack });
		const staged = await checkout({
			[`content/${importWorkFolder}/journal.json`]: journalOf([
				{ path: 'talks/a.md', before: null, after: textHash(attack) },
			]),
		});
		await mkdir(path.join(staged.content, importWorkFolder, 'stage'), { recursive: true });
		await symlink(
			path.join(outside.repo, 'elsewhere/talks'),
			path.join(staged.content, importWorkFolder, 'stage/talks'),
		);
		await expect(completeInterruptedImport(staged.content)).rejects.toThrow(
			'the staged "talks/a.md" is not a plain file',
		);
		expect(existsSync(path.join(staged.content, 'talks/a.md'))).toBe(false);

		const linked = await checkout({
			[`content/${importWorkFolder}/journal.json`]: journalOf([
				{ path: 'talks/a.md', before: null, after: textHash(attack) },
			]),
			[`content/${importWorkFolder}/stage/talks/a.md`]: attack,
		});
		await symlink(path.join(outside.repo, 'elsewhere/talks'), path.join(linked.content, 'talks'));
		await expect(completeInterruptedImport(linked.content)).rejects.toThrow(
			'leads through a link out of the content tree',
		);
		expect(await readFile(path.join(outside.repo, 'elsewhere/talks/a.md'), 'utf8')).toBe(attack);
	});

	it('refuses import state that git tracks, even a journal that would pass every other proof, in check, build, import and merge', async () => {
		const { repo, content } = await checkout({
			'content/people/ada.md': '---\nname: Ada\n---\n',
			'content/people/bob.md': '---\nname: Bob\n---\n',
			'content/talks/real.md': 'real\n',
			[`content/${importWorkFolder}/journal.json`]: journalOf([
				{ path: 'talks/real.md', before: textHash('real\n'), after: textHash('valid-looking') },
			]),
			[`content/${importWorkFolder}/stage/talks/real.md`]: 'valid-looking',
		});
		execFileSync('git', ['init', '-q'], { cwd: repo });
		execFileSync('git', ['add', '-f', '.'], { cwd: repo });
		const before = snapshot(repo);
		expect((await inspectImportState(content)).kind).toBe('untrusted');
		const { problems } = await listContentFiles(content);
		expect(problems).toEqual([
			expect.objectContaining({
				path: `${importWorkFolder}/journal.json`,
				message: expect.stringContaining("git tracks an import's internal state"),
				untrusted: 'untrusted import state',
			}),
		]);
		await expect(finishInterruptedImport(content)).rejects.toThrow(
			"git tracks an import's internal state",
		);
		await expect(mergePeople({ contentDir: content, from: 'bob', into: 'ada' })).rejects.toThrow(
			"git tracks an import's internal state",
		);
		expect(snapshot(repo)).toBe(before);
	});

	it('refuses a committed lock at once instead of waiting for its pid forever', async () => {
		const { repo, content } = await checkout({
			'content/talks/real.md': 'real\n',
			[`content/${importWorkFolder}.lock/pid`]: '1',
		});
		execFileSync('git', ['init', '-q'], { cwd: repo });
		execFileSync('git', ['add', '-f', '.'], { cwd: repo });
		let ran = false;
		await expect(
			withImportLock(content, async () => {
				ran = true;
			}),
		).rejects.toThrow(`${importWorkFolder}.lock/pid: git tracks an import's internal state`);
		expect(ran).toBe(false);
	});

	it('says a half-applied import needs --finish when a file cannot be moved into place', async () => {
		// `talks/conf` is a file where the journal needs a folder: the rename fails mid-commit.
		const { content } = await checkout({
			'content/talks/conf': 'a file, not a folder',
			'content/talks/a.md': 'old a\n',
			[`content/${importWorkFolder}/journal.json`]: journalOf([
				{ path: 'talks/a.md', before: textHash('old a\n'), after: textHash('new a\n') },
				{ path: 'talks/conf/b.md', before: null, after: textHash('new b\n') },
			]),
			[`content/${importWorkFolder}/stage/talks/a.md`]: 'new a\n',
			[`content/${importWorkFolder}/stage/talks/conf/b.md`]: 'new b\n',
		});
		await expect(completeInterruptedImport(content)).rejects.toThrow(
			/could not move talks\/conf\/b\.md into place \(E[A-Z]+\); the import is decided and half applied: fix that, then run `npm run import -- --finish`/,
		);
		expect(await readFile(path.join(content, 'talks/a.md'), 'utf8')).toBe('new a\n');
		await rm(path.join(content, 'talks/conf'));
		expect(await completeInterruptedImport(content)).toEqual(['talks/a.md', 'talks/conf/b.md']);
		expect(await readFile(path.join(content, 'talks/conf/b.md'), 'utf8')).toBe('new b\n');
	});
});
