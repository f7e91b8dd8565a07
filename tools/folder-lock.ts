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

export interface LockOptions {
	/**
	 * A lock folder without a pid this long after it was made was left by a process killed in
	 * between (its holder writes the pid right after making it), or made by hand.
	 */
	abandonedAfterMs?: number | undefined;
	/** Called once when another process holds the lock, with its pid, before waiting for it. */
	onWait?: ((pid: number | undefined) => void) | undefined;
	/** How long to wait quietly before calling `onWait`. */
	onWaitAfterMs?: number | undefined;
	/** Called when an abandoned lock is taken over, saying why. */
	onTakeOver?: ((reason: string) => void) | undefined;
}

/**
 * Runs `run` while no other process holds the lock folder `lock`. The lock is a directory
 * (mkdir is atomic) holding the owner's pid, so a lock left by a killed process is taken over:
 * its pid is gone, or it never got to write one.
 */
export async function withFolderLock<T>(
	lock: string,
	run: () => Promise<T>,
	{ abandonedAfterMs = 10_000, onWait, onWaitAfterMs = 0, onTakeOver }: LockOptions = {},
): Promise<T> {
	const owner = path.join(lock, 'pid');
	await mkdir(path.dirname(lock), { recursive: true });
	const started = Date.now();
	let told = false;
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(await readFile(owner, 'utf8').catch(() => '')) || undefined;
			const age =
				Date.now() -
				(await stat(lock).then(
					(stats) => stats.mtimeMs,
					() => Date.now(),
				));
			if (pid ? !isRunning(pid) : age > abandonedAfterMs) {
				onTakeOver?.(
					pid
						? `process ${pid} no longer runs`
						: `it has had no pid file for ${Math.round(age / 1000)} s`,
				);
				await rm(lock, { recursive: true, force: true });
				continue;
			}
			if (!told && Date.now() - started >= onWaitAfterMs) {
				told = true;
				onWait?.(pid);
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
