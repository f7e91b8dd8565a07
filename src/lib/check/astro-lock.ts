import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const isRunning = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/**
 * Runs `run` while no other process of this checkout holds the lock. Astro writes
 * `<root>/.astro/` (the content module map, generated types) in every build, sync and check,
 * whatever content tree it reads: two at once overwrite each other's map, and a build then fails
 * with `UnknownContentCollectionError`. The lock is a directory (mkdir is atomic) holding the
 * owner's pid, so a lock left by a killed process is taken over.
 */
export async function withAstroLock<T>(root: string, run: () => Promise<T>): Promise<T> {
	const lock = path.join(root, '.astro', 'edelweiss.lock');
	const owner = path.join(lock, 'pid');
	await mkdir(path.dirname(lock), { recursive: true });
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
			if (pid && !isRunning(pid)) await rm(lock, { recursive: true, force: true });
			else await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	try {
		return await run();
	} finally {
		await rm(lock, { recursive: true, force: true });
	}
}
