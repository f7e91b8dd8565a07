import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkCommitFiles, getFileDates, gitOutput, lastUpdatedDay, readFileDates, trackedFiles } from '#lib/content/git.ts';

async function commitAt(repo: string, file: string, isoDate: string) {
	await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
	await writeFile(path.join(repo, file), isoDate);
	const env = { ...process.env, GIT_AUTHOR_DATE: isoDate, GIT_COMMITTER_DATE: isoDate };
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, env });
	git('add', file);
	git('commit', '-q', '-m', `change ${file}`);
}

describe('gitOutput', () => {
	it('returns what git prints, and throws where git fails', async () => {
		const repo = await mkdtemp(path.join(tmpdir(), 'edelweiss-git-'));
		execFileSync('git', ['init', '-q'], { cwd: repo });
		expect(gitOutput(repo, ['rev-parse', '--is-inside-work-tree'])).toBe('true\n');
		expect(() => gitOutput(repo, ['rev-parse', 'HEAD'])).toThrow();
	});
});

describe('readFileDates', () => {
	it('gives each file under the folder the dates of its oldest and newest commits, from one git log', async () => {
		const repo = await mkdtemp(path.join(tmpdir(), 'edelweiss-git-'));
		execFileSync('git', ['init', '-q'], { cwd: repo });
		await commitAt(repo, 'content/talks/a.md', '2024-01-02T10:00:00Z');
		await commitAt(repo, 'content/talks/b.md', '2024-02-03T10:00:00Z');
		await commitAt(repo, 'content/talks/a.md', '2024-03-04T10:00:00Z');
		await commitAt(repo, 'outside.md', '2024-04-05T10:00:00Z');

		const dates = readFileDates(path.join(repo, 'content'));
		const real = (file: string) => path.join(execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: repo, encoding: 'utf8' }).trim(), file);
		expect(dates.get(real('content/talks/a.md'))?.changed.toISOString()).toBe('2024-03-04T10:00:00.000Z');
		expect(dates.get(real('content/talks/a.md'))?.added.toISOString()).toBe('2024-01-02T10:00:00.000Z');
		expect(dates.get(real('content/talks/b.md'))?.changed.toISOString()).toBe('2024-02-03T10:00:00.000Z');
		expect(dates.get(real('content/talks/b.md'))?.added.toISOString()).toBe('2024-02-03T10:00:00.000Z');
		expect(dates.has(real('outside.md'))).toBe(false);
		expect(getFileDates(real('content/talks/b.md'), path.join(repo, 'content'))?.changed.toISOString()).toBe('2024-02-03T10:00:00.000Z');
	});

	it('dates "Last updated" by the entry’s updated: date, else its last commit that was not a bulk import', async () => {
		const repo = await mkdtemp(path.join(tmpdir(), 'edelweiss-git-bulk-'));
		execFileSync('git', ['init', '-q'], { cwd: repo });
		await commitAt(repo, 'content/notes/edited.md', '2024-01-02T10:00:00Z');
		// An import rewriting every file: its date is not an edit of any of them.
		const env = { ...process.env, GIT_AUTHOR_DATE: '2024-06-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-06-01T10:00:00Z' };
		for (let index = 0; index < bulkCommitFiles; index++) await writeFile(path.join(repo, `content/notes/imported-${index}.md`), 'x');
		await writeFile(path.join(repo, 'content/notes/edited.md'), 'imported again');
		execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'add', '.'], { cwd: repo, env });
		execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'import'], { cwd: repo, env });

		const content = path.join(repo, 'content');
		const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: repo, encoding: 'utf8' }).trim();
		const edited = path.join(top, 'content/notes/edited.md');
		expect(getFileDates(edited, content)?.changed.toISOString()).toBe('2024-06-01T10:00:00.000Z');
		expect(lastUpdatedDay(edited, content)).toBe('2024-01-02');
		expect(lastUpdatedDay(path.join(top, 'content/notes/imported-0.md'), content)).toBeUndefined();
		expect(lastUpdatedDay(path.join(top, 'content/notes/imported-0.md'), content, '2025-03-04')).toBe('2025-03-04');
		expect(lastUpdatedDay(undefined, content)).toBeUndefined();
	});

	it('returns nothing outside a git checkout instead of failing', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-nogit-'));
		await writeFile(path.join(folder, 'a.md'), 'x');
		expect(readFileDates(folder).size).toBe(0);
		expect(getFileDates(path.join(folder, 'a.md'), folder)).toBeUndefined();
	});
});

describe('trackedFiles', () => {
	it('lists the files git tracks under a pattern, force-added ignored ones included, and nothing outside git', async () => {
		const repo = await mkdtemp(path.join(tmpdir(), 'edelweiss-git-'));
		execFileSync('git', ['init', '-q'], { cwd: repo });
		await writeFile(path.join(repo, '.gitignore'), '.state*\n');
		await mkdir(path.join(repo, '.state'));
		await writeFile(path.join(repo, '.state/journal.json'), '{}');
		await writeFile(path.join(repo, '.state-untracked'), '');
		expect(trackedFiles(repo, '.state*')).toEqual([]);
		execFileSync('git', ['add', '-f', '.state/journal.json'], { cwd: repo });
		expect(trackedFiles(repo, '.state*')).toEqual(['.state/journal.json']);
		expect(trackedFiles(await mkdtemp(path.join(tmpdir(), 'edelweiss-nogit-')), '*')).toEqual([]);
	});
});
