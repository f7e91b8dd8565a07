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

/** A lock folder without a pid this long after it was made was left by a process killed in between. */
const pidGrace = 10_000;

export interface LockOptions {
	/** Called once when another process holds the lock, with its pid, before waiting for it. */
	onWait?: ((pid: number | undefined) => void) | undefined;
}

/**
 * Runs `run` while no other process holds the lock folder `lock`. The lock is a directory
 * (mkdir is atomic) holding the owner's pid, so a lock left by a killed process is taken over:
 * its pid is gone, or it never got to write one.
 */
export async function withFolderLock<T>(lock: string, run: () => Promise<T>, { onWait }: LockOptions = {}): Promise<T> {
	const owner = path.join(lock, 'pid');
	await mkdir(path.dirname(lock), { recursive: true });
	let waiting = false;
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(await readFile(owner, 'utf8').catch(() => '')) || undefined;
			const made = await stat(lock).then((stats) => stats.mtimeMs, () => Date.now());
			if (pid ? !isRunning(pid) : Date.now() - made > pidGrace) {
				await rm(lock, { recursive: true, force: true });
				continue;
			}
			if (!waiting) onWait?.(pid);
			waiting = true;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	try {
		return await run();
	} finally {
		await rm(lock, { recursive: true, force: true });
	}
}
