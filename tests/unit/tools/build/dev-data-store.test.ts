import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDevDataStore } from '#tools/build/dev-data-store.ts';
import { scratchSite } from '../../../helpers/scratch-site';

describe('seedDevDataStore', () => {
	async function stores() {
		const root = await scratchSite({ 'cache/data-store.json': '["built"]' });
		return {
			root,
			built: path.join(root, 'cache/data-store.json'),
			dev: path.join(root, '.astro/data-store.json'),
			contentDir: path.join(root, 'content'),
		};
	}

	it('copies the build’s store when dev has none, then keeps dev’s own while it is newer', async () => {
		const files = await stores();
		expect(await seedDevDataStore(files)).toBe(true);
		expect(await readFile(files.dev, 'utf8')).toBe('["built"]');
		await writeFile(files.dev, '["synced by dev"]');
		expect(await seedDevDataStore(files)).toBe(false);
		expect(await readFile(files.dev, 'utf8')).toBe('["synced by dev"]');
	});

	it('copies the build’s store again once a build is newer than dev’s', async () => {
		const files = await stores();
		await seedDevDataStore(files);
		await writeFile(files.dev, '["synced by dev"]');
		const later = new Date(Date.now() + 60_000);
		await writeFile(files.built, '["built again"]');
		await utimes(files.built, later, later);
		expect(await seedDevDataStore(files)).toBe(true);
		expect(await readFile(files.dev, 'utf8')).toBe('["built again"]');
	});

	it('replaces a dev store synced from another content tree, even a newer one', async () => {
		const files = await stores();
		await seedDevDataStore({ ...files, contentDir: path.join(files.root, 'other') });
		await writeFile(files.dev, '["other tree"]');
		expect(await seedDevDataStore(files)).toBe(true);
		expect(await readFile(files.dev, 'utf8')).toBe('["built"]');
	});

	it('leaves dev to sync by itself when there is no build', async () => {
		const files = await stores();
		expect(
			await seedDevDataStore({
				...files,
				built: path.join(files.root, 'no-cache/data-store.json'),
			}),
		).toBe(false);
	});
});
