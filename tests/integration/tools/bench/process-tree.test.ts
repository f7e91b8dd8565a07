import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
	cpuSecondsFromStat,
	parseChildren,
	processTree,
	rssFromStatus,
	sampleTree,
	watchProcessTree,
} from '#tools/bench/process-tree.ts';

describe('parseChildren', () => {
	it('reads the space-separated pids, and none from an empty file', () => {
		expect(parseChildren('4100 4242 ')).toEqual([4100, 4242]);
		expect(parseChildren('')).toEqual([]);
	});
});

describe('rssFromStatus', () => {
	it('reads VmRSS in bytes, and 0 when there is none', () => {
		expect(rssFromStatus('Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t  512 kB\nThreads:\t7\n')).toBe(
			512 * 1024,
		);
		expect(rssFromStatus('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
	});
});

describe('cpuSecondsFromStat', () => {
	it('adds user and system ticks after a command name with spaces and parentheses', () => {
		const stat = '77 (a) (b c) R 12 77 12 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 1';
		expect(cpuSecondsFromStat(stat)).toBe(3);
		expect(cpuSecondsFromStat(stat, 1000)).toBe(0.3);
	});
});

describe('processTree and sampleTree', () => {
	it('include child processes and grandchildren', async () => {
		const child = spawn('sh', ['-c', 'sleep 5 & wait']);
		try {
			await new Promise((resolve) => child.once('spawn', resolve));
			await new Promise((resolve) => setTimeout(resolve, 200));
			const tree = await processTree(process.pid);
			expect(tree[0]).toBe(process.pid);
			expect(tree).toContain(child.pid);
			const grandchildren = parseChildren(
				await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8'),
			);
			expect(grandchildren).toHaveLength(1);
			expect(tree).toContain(grandchildren[0]);
			const rssOf = async (pid: number) =>
				rssFromStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
			const childRss = await rssOf(child.pid!);
			expect(childRss).toBeGreaterThan(0);
			// Our own RSS moves a little between the two readings.
			const sample = await sampleTree(process.pid);
			expect(sample.rssBytes).toBeGreaterThanOrEqual((await rssOf(process.pid)) * 0.9 + childRss);
			expect([...sample.cpuSeconds.keys()].sort()).toEqual([...tree].sort());
			expect(sample.cpuSeconds.get(process.pid)).toBeGreaterThan(0);
		} finally {
			child.kill();
		}
	});
	it('keeps the peak RSS and the CPU time while watching', async () => {
		const watch = watchProcessTree(process.pid, 10);
		const before = process.cpuUsage();
		// Busy for a while, so the CPU time has something to grow by.
		const until = Date.now() + 300;
		while (Date.now() < until);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const { peakRssBytes, cpuSeconds } = await watch.stop();
		const used = process.cpuUsage(before);
		expect(peakRssBytes).toBeGreaterThan(0);
		expect(cpuSeconds).toBeGreaterThanOrEqual((used.user + used.system) / 1e6 - 0.1);
	});
});
