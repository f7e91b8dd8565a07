/**
 * `Promise.all(items.map(task))` with at most `limit` tasks under way, results in input order.
 * Reading a 10,000-file tree all at once exceeds the open-file limit of many machines
 * (1,024 on most Linux desktops, 256 on macOS); one at a time leaves the disk idle.
 */
export async function mapConcurrently<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** How many files the hub reads or writes at once. */
export const fileConcurrency = 64;
