import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What git prints for `args`, run in `directory` with nothing asked of a terminal: the one way
 * the project reads git. Throws when git fails or is not installed; callers outside a checkout
 * decide what that means.
 */
export const gitOutput = (directory: string, args: readonly string[]) =>
	execFileSync('git', args, { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** When a file was first committed and when it last changed. */
export interface FileDates {
	added: Date;
	changed: Date;
}

/**
 * Reads the history of everything under `directory` in ONE `git log` run (one process per file
 * is slow at thousands of pages) and keeps each file's oldest and newest commit dates, by
 * absolute path. Outside a git checkout, or without git, it returns an empty map: pages then
 * show no date rather than fail.
 */
export function readFileDates(directory: string): Map<string, FileDates> {
	const dates = new Map<string, FileDates>();
	let log: string;
	let top: string;
	try {
		top = gitOutput(directory, ['rev-parse', '--show-toplevel']).trim();
		log = gitOutput(directory, ['log', '--format=%x00%ct', '--name-only', '--no-renames', '--', '.']);
	} catch {
		return dates;
	}
	// Newest commits come first: a file's first appearance is its last change, its last one its addition.
	for (const commit of log.split('\0').slice(1)) {
		const [timestamp, ...files] = commit.split('\n');
		const date = new Date(Number(timestamp) * 1000);
		for (const file of files) {
			if (!file) continue;
			const absolute = path.join(top, file);
			const known = dates.get(absolute);
			if (known) known.added = date;
			else dates.set(absolute, { added: date, changed: date });
		}
	}
	return dates;
}

const cache = new Map<string, Map<string, FileDates>>();

/**
 * The commit dates of `file`, read once per build for its whole directory tree. `root` is the
 * tree to read (the content folder); undefined for files git does not know.
 */
export function getFileDates(file: string, root: string): FileDates | undefined {
	const absoluteRoot = path.resolve(root);
	let dates = cache.get(absoluteRoot);
	if (!dates) {
		dates = readFileDates(absoluteRoot);
		cache.set(absoluteRoot, dates);
	}
	return dates.get(path.resolve(file));
}

/**
 * The newest commit that changed anything under `directory`, or '' outside git: the dates pages
 * show as "Last updated" can only change when this does.
 */
export function lastCommit(directory: string): string {
	try {
		return gitOutput(directory, ['log', '-1', '--format=%H', '--', '.']).trim();
	} catch {
		return '';
	}
}

/**
 * The files under `directory` that git tracks and whose names match `pattern` (a git pathspec
 * relative to `directory`, e.g. `.edelweiss-import*`), with `/`, relative to `directory`; empty
 * outside git. Internal state a merge request committed is found this way.
 */
export function trackedFiles(directory: string, pattern: string): string[] {
	try {
		return gitOutput(directory, ['ls-files', '-z', '--', pattern]).split('\0').filter(Boolean);
	} catch {
		return [];
	}
}
