import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** When each file was last changed, by absolute path. */
export type LastChanged = Map<string, Date>;

/**
 * Reads the history of everything under `directory` in ONE `git log` run (one process per file
 * is slow at thousands of pages) and keeps each file's newest commit date. Outside a git
 * checkout, or without git, it returns an empty map: pages then show no date rather than fail.
 */
export function readLastChanged(directory: string): LastChanged {
	const dates: LastChanged = new Map();
	let log: string;
	let top: string;
	try {
		const git = (args: string[]) =>
			execFileSync('git', args, { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
		top = git(['rev-parse', '--show-toplevel']).trim();
		log = git(['log', '--format=%x00%ct', '--name-only', '--no-renames', '--', '.']);
	} catch {
		return dates;
	}
	// Newest commits come first, so a file's first appearance is its last change.
	for (const commit of log.split('\0').slice(1)) {
		const [timestamp, ...files] = commit.split('\n');
		const date = new Date(Number(timestamp) * 1000);
		for (const file of files) {
			const absolute = path.join(top, file);
			if (file && !dates.has(absolute)) dates.set(absolute, date);
		}
	}
	return dates;
}

const cache = new Map<string, LastChanged>();

/**
 * The date `file` was last committed, read once per build for its whole directory tree.
 * `root` is the tree to read (the content folder); undefined for files git does not know.
 */
export function getLastUpdated(file: string, root: string): Date | undefined {
	const absoluteRoot = path.resolve(root);
	let dates = cache.get(absoluteRoot);
	if (!dates) {
		dates = readLastChanged(absoluteRoot);
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
		return execFileSync('git', ['log', '-1', '--format=%H', '--', '.'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return '';
	}
}
