import { readdir, readFile } from 'node:fs/promises';

/** The parent pid in the text of `/proc/<pid>/stat` (the command name may hold spaces and parentheses). */
export function parentPidFromStat(stat: string): number {
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[1]);
}

/** Resident set size in bytes from the text of `/proc/<pid>/status`; 0 for a zombie. */
export function rssFromStatus(status: string): number {
	const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
	return match ? Number(match[1]) * 1024 : 0;
}

/** `root` and every process below it, given each process's parent. */
export function processTree(root: number, parents: ReadonlyMap<number, number>): number[] {
	const children = new Map<number, number[]>();
	for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
	const tree: number[] = [];
	const pending = [root];
	while (pending.length) {
		const pid = pending.pop()!;
		tree.push(pid);
		pending.push(...(children.get(pid) ?? []));
	}
	return tree;
}

const readProc = (pid: number, file: string) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');

/** The summed RSS of a process and all its descendants right now (Linux `/proc`). */
export async function treeRss(root: number): Promise<number> {
	const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
	const parents = new Map<number, number>();
	await Promise.all(
		pids.map(async (pid) => {
			const stat = await readProc(pid, 'stat');
			if (stat) parents.set(pid, parentPidFromStat(stat));
		}),
	);
	const sizes = await Promise.all(processTree(root, parents).map(async (pid) => rssFromStatus(await readProc(pid, 'status'))));
	return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * Samples the tree's RSS until stopped and keeps the peak. Polling can miss a spike shorter
 * than the interval; `/usr/bin/time` would miss more, as it reports one process, not the tree.
 */
export function watchPeakRss(root: number, intervalMs = 200): { stop(): Promise<number> } {
	let peak = 0;
	let sampling = Promise.resolve();
	const sample = () => {
		sampling = sampling.then(async () => {
			peak = Math.max(peak, await treeRss(root));
		});
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			await sampling;
			return peak;
		},
	};
}
