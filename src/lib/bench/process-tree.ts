import { readdir, readFile } from 'node:fs/promises';

/** The pids in the text of `/proc/<pid>/task/<tid>/children`: `"123 456 "`. */
export function parseChildren(text: string): number[] {
	return text.split(/\s+/).filter(Boolean).map(Number);
}

/** Resident set size in bytes from the text of `/proc/<pid>/status`; 0 for a zombie. */
export function rssFromStatus(status: string): number {
	const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
	return match ? Number(match[1]) * 1024 : 0;
}

const readProc = (file: string) => readFile(`/proc/${file}`, 'utf8').catch(() => '');

/**
 * `root` and every process below it, following each thread's `children` file: cheaper than
 * reading every process's `stat`, which matters on a busy 2-core machine sampling 5 times a second.
 */
export async function processTree(root: number): Promise<number[]> {
	const tree: number[] = [];
	let generation = [root];
	while (generation.length) {
		tree.push(...generation);
		const children = await Promise.all(
			generation.map(async (pid) => {
				const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
				const texts = await Promise.all(tasks.map((task) => readProc(`${pid}/task/${task}/children`)));
				return texts.flatMap(parseChildren);
			}),
		);
		generation = children.flat();
	}
	return tree;
}

/** The summed RSS of a process and all its descendants right now (Linux `/proc`). */
export async function treeRss(root: number): Promise<number> {
	const sizes = await Promise.all((await processTree(root)).map(async (pid) => rssFromStatus(await readProc(`${pid}/status`))));
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
