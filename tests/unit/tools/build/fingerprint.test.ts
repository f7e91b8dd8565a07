import { createHash } from 'node:crypto';
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestInputs, hashInputs } from '#tools/build/fingerprint.ts';
import { fileConcurrency } from '#lib/concurrency.ts';
import { scratchSite } from '../../../helpers/scratch-site';

describe('digestInputs', async () => {
	const [dir, tree, moved, shifted] = await Promise.all([
		scratchSite({ 'a/one.md': 'one', 'two.md': 'two' }),
		scratchSite({ 'one.md': 'ab', 'two.md': 'c' }),
		scratchSite({ 'one.md': 'ab', 'three.md': 'c' }),
		scratchSite({ 'one.md': 'a', 'two.md': 'bc' }),
	]);
	it('changes with a file’s content or name, not with its time', async () => {
		const before = await digestInputs(dir, ['a', 'two.md']);
		await utimes(path.join(dir, 'two.md'), new Date(0), new Date(0));
		expect(await digestInputs(dir, ['a', 'two.md'])).toBe(before);
		await writeFile(path.join(dir, 'two.md'), 'TWO');
		expect(await digestInputs(dir, ['a', 'two.md'])).not.toBe(before);
		expect(await digestInputs(dir, ['a'])).not.toBe(await digestInputs(dir, ['a'], 'extra'));
	});
	it('digests a file whose name is not UTF-8 (no one can open it by name) instead of failing the build', async () => {
		const site = await scratchSite({ 'one.md': 'one' });
		const before = await digestInputs(site, ['.']);
		await writeFile(Buffer.from(path.join(site, 'caf\xe9.md'), 'latin1'), 'café');
		const after = await digestInputs(site, ['.']);
		expect(after).not.toBe(before);
		expect(await digestInputs(site, ['.'])).toBe(after);
	});
	it('takes a missing input as empty', async () => {
		expect(await digestInputs(dir, ['nowhere'])).toBe(await digestInputs(dir, ['also-nowhere']));
	});
	it('tells a moved file, and text moved between files, from the tree it was', async () => {
		const digest = await digestInputs(tree, ['.']);
		expect(await digestInputs(moved, ['.'])).not.toBe(digest);
		expect(await digestInputs(shifted, ['.'])).not.toBe(digest);
	});
});

describe('hashInputs', async () => {
	// More files than one batch of reads, so that batches and the order of reads are exercised.
	const files = Object.fromEntries(
		Array.from({ length: fileConcurrency * 4 + 30 }, (_, index) => [
			`talks/${String(index).padStart(4, '0')}.md`,
			`talk ${index}`,
		]),
	);
	const [first, last] = [Object.keys(files)[0]!, Object.keys(files).at(-1)!];
	const digest = async (root: string) => {
		const hash = createHash('sha256');
		await hashInputs(hash, root, ['talks']);
		return hash.digest('hex');
	};

	const [clone, another, swapped] = await Promise.all([
		scratchSite(files),
		scratchSite(Object.fromEntries(Object.entries(files).reverse())),
		scratchSite({ ...files, [first]: files[last]!, [last]: files[first]! }),
	]);

	it('depends on paths relative to the root, so two clones of one tree hash alike', async () => {
		expect(await digest(another)).toBe(await digest(clone));
	});
	it('ties each content to its file, across batches', async () => {
		expect(await digest(swapped)).not.toBe(await digest(clone));
	});
});
