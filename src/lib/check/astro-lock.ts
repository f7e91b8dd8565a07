import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const isRunning = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

export interface AstroLockOptions {
	/**
	 * A lock without a pid file older than this was abandoned (its holder writes the pid right
	 * after creating it, so only a crash in between, or a hand-made folder, leaves none).
	 */
	abandonedAfterMs?: number;
	/** How long to wait quietly before saying what is waited for. */
	reportAfterMs?: number;
	/** Where waiting is reported; standard error by default. */
	report?: (message: string) => void;
}

/**
 * Runs `run` while no other process of this checkout holds the lock. Astro writes
 * `<root>/.astro/` (the content module map, generated types) in every build, sync and check,
 * whatever content tree it reads: two at once overwrite each other's map, and a build then fails
 * with `UnknownContentCollectionError`. The lock is a directory (mkdir is atomic) holding the
 * owner's pid, so a lock left by a killed process is taken over, and so is one left without a pid.
 */
export async function withAstroLock<T>(
	root: string,
	run: () => Promise<T>,
	{ abandonedAfterMs = 10_000, reportAfterMs = 10_000, report = (message) => console.error(message) }: AstroLockOptions = {},
): Promise<T> {
	const lock = path.join(root, '.astro', 'edelweiss.lock');
	const owner = path.join(lock, 'pid');
	await mkdir(path.dirname(lock), { recursive: true });
	const started = Date.now();
	let reported = false;
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
			const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
			if ((pid && !isRunning(pid)) || (!pid && age > abandonedAfterMs)) {
				report(`Taking over ${lock}: ${pid ? `process ${pid} no longer runs` : `it has had no pid file for ${Math.round(age / 1000)} s`}.`);
				await rm(lock, { recursive: true, force: true });
				continue;
			}
			if (!reported && Date.now() - started >= reportAfterMs) {
				reported = true;
				const holder = pid ? `process ${pid}` : 'a process that has not written its pid yet';
				report(`Waiting for ${holder} to finish with this checkout's .astro/ (lock: ${lock}); delete the lock if no Astro build, check or sync is running.`);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	try {
		return await run();
	} finally {
		await rm(lock, { recursive: true, force: true });
	}
}
