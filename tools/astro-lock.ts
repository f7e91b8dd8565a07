import path from 'node:path';
import { withFolderLock } from './folder-lock';

export interface AstroLockOptions {
	/** A lock without a pid file older than this was abandoned (see `withFolderLock`). */
	abandonedAfterMs?: number;
	/** How long to wait quietly before saying what is waited for. */
	reportAfterMs?: number;
	/** Where waiting and taking over are reported; standard error by default. */
	report?: (message: string) => void;
}

/**
 * Runs `run` while no other process of this checkout holds the lock. Astro writes
 * `<root>/.astro/` (the content module map, generated types) in every build, sync and check,
 * whatever content tree it reads: two at once overwrite each other's map, and a build then fails
 * with `UnknownContentCollectionError`.
 */
export function withAstroLock<T>(
	root: string,
	run: () => Promise<T>,
	{
		abandonedAfterMs = 10_000,
		reportAfterMs = 10_000,
		report = (message) => console.error(message),
	}: AstroLockOptions = {},
): Promise<T> {
	const lock = path.join(root, '.astro', 'edelweiss.lock');
	return withFolderLock(lock, run, {
		abandonedAfterMs,
		onWaitAfterMs: reportAfterMs,
		onWait: (pid) => {
			const holder = pid ? `process ${pid}` : 'a process that has not written its pid yet';
			report(
				`Waiting for ${holder} to finish with this checkout's .astro/ (lock: ${lock}); delete the lock if no Astro build, check or sync is running.`,
			);
		},
		onTakeOver: (reason) => report(`Taking over ${lock}: ${reason}.`),
	});
}
