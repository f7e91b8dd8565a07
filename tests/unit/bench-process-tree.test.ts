import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseChildren, processTree, rssFromStatus, treeRss, watchPeakRss } from '../../src/lib/bench/process-tree';

describe('parseChildren', () => {
	it('reads the space-separated pids, and none from an empty file', () => {
		expect(parseChildren('4100 4242 ')).toEqual([4100, 4242]);
		expect(parseChildren('')).toEqual([]);
	});
});

describe('rssFromStatus', () => {
	it('reads VmRSS in bytes, and 0 when there is none', () => {
		expect(rssFromStatus('Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t  512 kB\nThreads:\t7\n')).toBe(512 * 1024);
		expect(rssFromStatus('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
	});
});

describe('processTree and treeRss', () => {
	it('include child processes and grandchildren', async () => {
		const child = spawn('sh', ['-c', 'sleep 5 & wait']);
		try {
			await new Promise((resolve) => child.once('spawn', resolve));
			await new Promise((resolve) => setTimeout(resolve, 200));
			const tree = await processTree(process.pid);
			expect(tree[0]).toBe(process.pid);
			expect(tree).toContain(child.pid);
			const grandchildren = parseChildren(await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8'));
			expect(grandchildren).toHaveLength(1);
			expect(tree).toContain(grandchildren[0]);
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
