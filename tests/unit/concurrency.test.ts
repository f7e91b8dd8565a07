import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '#lib/concurrency.ts';

describe('mapConcurrently', () => {
	it('keeps input order and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapConcurrently([5, 1, 4, 2, 3, 0, 6], 3, async (value) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, value * 2));
			running--;
			return value * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
		expect(peak).toBe(3);
	});
	it('handles fewer items than the limit, and none', async () => {
		expect(await mapConcurrently([1], 8, async (value) => value + 1)).toEqual([2]);
		expect(await mapConcurrently([], 8, async () => 1)).toEqual([]);
	});
	it('rejects when a task fails', async () => {
		await expect(
			mapConcurrently([1, 2], 2, async (value) => {
				if (value === 2) throw new Error('no');
				return value;
			}),
		).rejects.toThrow('no');
	});
});
