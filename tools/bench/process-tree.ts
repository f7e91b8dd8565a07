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
				const texts = await Promise.all(
					tasks.map((task) => readProc(`${pid}/task/${task}/children`)),
				);
				return texts.flatMap(parseChildren);
			}),
		);
		generation = children.flat();
	}
	return tree;
}

/** User plus system CPU seconds of one process from the text of `/proc/<pid>/stat`. */
export function cpuSecondsFromStat(stat: string, ticksPerSecond = 100): number {
	// Fields after the command name start at field 3 (state); utime and stime are fields 14 and 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export interface TreeSample {
	/** Summed RSS of the process and all its descendants. */
	rssBytes: number;
	/** CPU seconds used so far by each of them, by pid. */
	cpuSeconds: Map<number, number>;
}

/** The process tree's memory and CPU right now (Linux `/proc`). */
export async function sampleTree(root: number): Promise<TreeSample> {
	const pids = await processTree(root);
	const readings = await Promise.all(
		pids.map(
			async (pid) => [pid, await readProc(`${pid}/status`), await readProc(`${pid}/stat`)] as const,
		),
	);
	return {
		rssBytes: readings.reduce((sum, [, status]) => sum + rssFromStatus(status), 0),
		cpuSeconds: new Map(
			readings.filter(([, , stat]) => stat).map(([pid, , stat]) => [pid, cpuSecondsFromStat(stat)]),
		),
	};
}

export interface TreeUsage {
	peakRssBytes: number;
	/**
	 * CPU seconds of the whole tree: unlike wall time, barely changed by other work on the
	 * machine. The last interval of each process and processes shorter than one are missed.
	 */
	cpuSeconds: number;
}

/**
 * Samples a process tree until stopped, keeping its peak RSS and each process's CPU time.
 * `/usr/bin/time` would report one process's RSS, not Astro and its Pagefind service together.
 */
export function watchProcessTree(root: number, intervalMs = 200): { stop(): Promise<TreeUsage> } {
	let peakRssBytes = 0;
	const cpuByPid = new Map<number, number>();
	let sampling = Promise.resolve();
	const sample = () => {
		sampling = sampling.then(async () => {
			const { rssBytes, cpuSeconds } = await sampleTree(root);
			peakRssBytes = Math.max(peakRssBytes, rssBytes);
			for (const [pid, seconds] of cpuSeconds)
				cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, seconds));
		});
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			await sampling;
			return {
				peakRssBytes,
				cpuSeconds: [...cpuByPid.values()].reduce((sum, seconds) => sum + seconds, 0),
			};
		},
	};
}
