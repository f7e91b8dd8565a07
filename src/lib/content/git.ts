import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What git prints for `args`, run in `directory` with nothing asked of a terminal: the one way
 * the project reads git. Throws when git fails or is not installed; callers outside a checkout
 * decide what that means.
 */
export const gitOutput = (directory: string, args: readonly string[]) =>
	execFileSync('git', args, { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** When a file was first committed, when it last changed, and when it was last edited. */
export interface FileDates {
	added: Date;
	changed: Date;
	/** The newest commit that changed it with fewer than `bulkCommitFiles` other files. */
	edited?: Date;
}

/**
 * A commit changing this many files or more under the folder is an import or a sweeping edit:
 * its date says when the hub took the content in, not when anyone edited the page.
 */
export const bulkCommitFiles = 20;

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
		const [timestamp, ...lines] = commit.split('\n');
		const date = new Date(Number(timestamp) * 1000);
		const files = lines.filter(Boolean);
		const bulk = files.length >= bulkCommitFiles;
		for (const file of files) {
			const absolute = path.join(top, file);
			const known = dates.get(absolute) ?? { added: date, changed: date };
			known.added = date;
			if (!bulk) known.edited ??= date;
			dates.set(absolute, known);
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
 * The day a page shows as "Last updated": the entry's own `updated:` date, else the day of the
 * last commit that edited its file (`edited`: bulk imports do not count), else none.
 */
export function lastUpdatedDay(file: string | undefined, root: string, updated?: string): string | undefined {
	return updated || (file ? getFileDates(file, root)?.edited?.toISOString().slice(0, 10) : undefined);
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
