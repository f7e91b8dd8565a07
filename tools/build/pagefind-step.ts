import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { collectionNames } from '#lib/content/collections.ts';
import { digestParts } from '#lib/digest.ts';
import { searchExcludedSelectors } from '#lib/search/search-record.ts';

/**
 * Pagefind indexes the entries' own pages, `<collection>/<id>/index.html`: list and tag pages
 * only repeat their titles, and the search page and the home page have nothing of their own.
 */
export const indexedPagesGlob = `{${collectionNames.join(',')}}/*/**/index.html`;
const entryPage = new RegExp(`^(${collectionNames.join('|')})/.+/index\\.html$`);
export const isIndexedPage = (file: string) => entryPage.test(file);

export interface IndexResult {
	/** False when no indexed page changed since the bundle in place was built. */
	indexed: boolean;
	pages: number;
}

/**
 * Builds the Pagefind bundle into `<site>/pagefind` in this process (Pagefind's own binary does
 * the work), after Astro has exited, so the build's peak memory is the larger of the two rather
 * than their sum. Skipped when the pages it would index are byte for byte those of the bundle in
 * place: `digests` are the built files' content digests and `stateFile` remembers the last run's.
 */
export async function indexSite(
	site: string,
	digests: ReadonlyMap<string, string>,
	stateFile: string,
): Promise<IndexResult> {
	const pages = [...digests.keys()].filter(isIndexedPage).sort();
	const inputs = digestParts(pages.flatMap((page) => [page, digests.get(page)!]));
	const bundle = path.join(site, 'pagefind');
	if (
		(await readFile(stateFile, 'utf8').catch(() => '')) === inputs &&
		existsSync(path.join(bundle, 'pagefind.js'))
	) {
		return { indexed: false, pages: pages.length };
	}

	const { index, errors } = await pagefind.createIndex({
		forceLanguage: 'en',
		excludeSelectors: searchExcludedSelectors,
	});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	try {
		const added = await index.addDirectory({ path: site, glob: indexedPagesGlob });
		if (added.errors.length)
			throw new Error(`Pagefind failed to index ${site}: ${added.errors.join('; ')}`);
		// Written beside the live bundle and swapped in, so a failed run leaves the last one whole.
		const next = `${bundle}.next`;
		await rm(next, { recursive: true, force: true });
		const written = await index.writeFiles({ outputPath: next });
		if (written.errors.length)
			throw new Error(`Pagefind failed to write its bundle: ${written.errors.join('; ')}`);
		await rm(bundle, { recursive: true, force: true });
		await rename(next, bundle);
		await writeFile(stateFile, inputs);
		return { indexed: true, pages: added.page_count };
	} finally {
		await pagefind.close();
	}
}
