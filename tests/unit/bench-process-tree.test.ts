import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parentPidFromStat, processTree, rssFromStatus, treeRss, watchPeakRss } from '../../src/lib/bench/process-tree';

describe('parentPidFromStat', () => {
	it('reads the parent after a command name with spaces and parentheses', () => {
		expect(parentPidFromStat('4242 (node) S 4100 4242 4100 0 -1 4194560')).toBe(4100);
		expect(parentPidFromStat('77 (a) (b c) R 12 77 12 0 -1')).toBe(12);
	});
});

describe('rssFromStatus', () => {
	it('reads VmRSS in bytes, and 0 when there is none', () => {
		expect(rssFromStatus('Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t  512 kB\nThreads:\t7\n')).toBe(512 * 1024);
		expect(rssFromStatus('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
	});
});

describe('processTree', () => {
	it('collects the root and all its descendants, and nothing beside them', () => {
		const parents = new Map([
			[2, 1],
			[3, 2],
			[4, 3],
			[5, 2],
			[6, 1],
			[7, 99],
		]);
		expect(processTree(2, parents).sort()).toEqual([2, 3, 4, 5]);
		expect(processTree(7, parents)).toEqual([7]);
	});
});

describe('treeRss', () => {
	it('includes child processes', async () => {
		const child = spawn('sleep', ['5']);
		try {
			await new Promise((resolve) => child.once('spawn', resolve));
			const rssOf = async (pid: number) => rssFromStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
			const childRss = await rssOf(child.pid!);
			expect(childRss).toBeGreaterThan(0);
			// Our own RSS moves a little between the two readings.
			expect(await treeRss(process.pid)).toBeGreaterThanOrEqual((await rssOf(process.pid)) * 0.9 + childRss);
		} finally {
			child.kill();
		}
	});
	it('keeps the peak while watching', async () => {
		const watch = watchPeakRss(process.pid, 10);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(await watch.stop()).toBeGreaterThan(0);
	});
});
