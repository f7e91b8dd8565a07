import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DevDataStoreFiles {
	/** The store `astro build` syncs, `<cacheDir>/data-store.json`. */
	built: string;
	/** The store `astro dev` reads and writes, `<root>/.astro/data-store.json`. */
	dev: string;
	/** The content tree dev is about to sync: a store synced from another tree is of no use. */
	contentDir: string;
}

const modified = (file: string) =>
	stat(file).then(
		(info) => info.mtimeMs,
		() => undefined,
	);

/** Beside the dev store: the content tree it was last seeded for. */
const sourceFile = (dev: string) => `${dev}.edelweiss-content`;

/**
 * Astro keeps two content stores: the build's in `cacheDir`, dev's in `.astro/`. Dev's first
 * start after a build would sync every entry again (a minute and more at 10,000 talks); started
 * from the build's store, it skips every entry whose file is unchanged. So the build's store is
 * copied over dev's when it is newer or dev's was synced from another content tree. Astro still
 * empties the store when its configuration differs from the build's (`server.host`/`port` are
 * part of that digest: `astro dev --port` defeats this). Returns whether it copied.
 */
export async function seedDevDataStore({
	built,
	dev,
	contentDir,
}: DevDataStoreFiles): Promise<boolean> {
	const [builtTime, devTime] = await Promise.all([modified(built), modified(dev)]);
	const sameTree = (await readFile(sourceFile(dev), 'utf8').catch(() => '')) === contentDir;
	const copy =
		builtTime !== undefined && (devTime === undefined || !sameTree || builtTime > devTime);
	await mkdir(path.dirname(dev), { recursive: true });
	if (copy) {
		// Copied beside and renamed: dev never reads half a store.
		const next = `${dev}.${process.pid}.next`;
		await copyFile(built, next);
		await rename(next, dev);
	}
	if (!sameTree) await writeFile(sourceFile(dev), contentDir);
	return copy;
}
