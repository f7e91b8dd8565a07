import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { collectionNames } from '../collections';
import { fileConcurrency, mapConcurrently } from '../concurrency';
import { hubSearchIndex, searchIndexesFile, type SearchIndexes } from '../search-indexes';
import { searchExcludedSelectors } from '../search-record';

/**
 * Pagefind indexes the entries' own pages, `<collection>/<id>/index.html`: list and tag pages
 * only repeat their titles, and the search page and the home page have nothing of their own.
 */
export const indexedPagesGlob = `{${collectionNames.join(',')}}/*/**/index.html`;
const entryPage = new RegExp(`^(${collectionNames.join('|')})/.+/index\\.html$`);
export const isIndexedPage = (file: string) => entryPage.test(file);

/** Which index a page belongs to and its date, as `SearchAttributes.astro` writes them into its `<head>`. */
export function pageSearchIndex(html: string): { index: string; date?: string } {
	const index = /<meta name="edelweiss-search-index" content="([^"]*)"/.exec(html)?.[1] ?? hubSearchIndex;
	const date = /data-pagefind-sort="date\[content\]" content="([^"]*)"/.exec(html)?.[1];
	return { index, ...(date ? { date } : {}) };
}

/** Where an index is written, inside the site's `pagefind/`: the hub's at its root, an edition's in `editions/`. */
export const indexFolder = (index: string) => (index === hubSearchIndex ? '' : `editions/${index.replaceAll('/', '__')}/`);

/** What an edition's folder keeps: its index. Pagefind's code and WebAssembly are the hub's, loaded once. */
const isIndexData = (name: string) => /^(pagefind-entry\.json|.*\.pf_meta|index|filter|fragment)$/.test(name);

interface PageState {
	digest: string;
	index: string;
	date?: string;
}
interface StepState {
	/** By page path: its digest when last read, and what was read from it. */
	pages: Record<string, PageState>;
	/** By index: the digest of its pages when it was written. */
	indexes: Record<string, string>;
}

export interface IndexResult {
	/** The indexes written this time (`hub` or an edition's event id); none when no indexed page changed. */
	indexed: string[];
	/** How many indexes the site has, the hub's included. */
	indexes: number;
	pages: number;
}

/**
 * Builds the Pagefind indexes into `<site>/pagefind`, after Astro has exited, so the build's
 * peak memory is the larger of the two rather than their sum: one per edition (an event's page
 * and its talks' pages) in `editions/<event id>/`, and the hub's (people, recaps, notes, sponsors,
 * case studies) with Pagefind's code at the root; `editions.json` lists the editions, newest
 * first, for the browser and the terminal to merge (`src/lib/search-indexes.ts`). An index whose
 * pages are byte for byte those it was built from is not written again: an edited talk rewrites
 * its edition's index only. `digests` are the built files' content digests and `stateFile`
 * remembers the last run's.
 */
export async function indexSite(site: string, digests: ReadonlyMap<string, string>, stateFile: string): Promise<IndexResult> {
	const pages = [...digests.keys()].filter(isIndexedPage).sort();
	const bundle = path.join(site, 'pagefind');
	const previous = JSON.parse(await readFile(stateFile, 'utf8').catch(() => '{}')) as Partial<StepState>;
	const state: StepState = { pages: {}, indexes: {} };

	// Only pages that changed are read: the others keep their index and date.
	await mapConcurrently(pages, fileConcurrency, async (page) => {
		const digest = digests.get(page)!;
		const known = previous.pages?.[page];
		state.pages[page] = known?.digest === digest ? known : { digest, ...pageSearchIndex(await readFile(path.join(site, page), 'utf8')) };
	});
	const members = new Map<string, string[]>([[hubSearchIndex, []]]);
	for (const page of pages) {
		const { index } = state.pages[page]!;
		members.set(index, [...(members.get(index) ?? []), page]);
	}
	const whole = existsSync(path.join(bundle, 'pagefind.js'));
	const stale: string[] = [];
	for (const [index, indexPages] of members) {
		const hash = createHash('sha256');
		for (const page of indexPages) hash.update(page).update('\0').update(state.pages[page]!.digest).update('\0');
		state.indexes[index] = hash.digest('hex');
		const folder = path.join(bundle, indexFolder(index));
		if (!whole || previous.indexes?.[index] !== state.indexes[index] || !existsSync(path.join(folder, 'pagefind-entry.json'))) stale.push(index);
	}
	// The hub first: its folder is the bundle's root, which holds the editions' folders.
	stale.sort((a, b) => Number(b === hubSearchIndex) - Number(a === hubSearchIndex));

	if (stale.length) {
		try {
			for (const index of stale) await writeIndex(site, bundle, index, members.get(index)!);
		} finally {
			await pagefind.close();
		}
	}
	// Editions with no page left.
	const editions = path.join(bundle, 'editions');
	const kept = new Set([...members.keys()].map(indexFolder));
	for (const folder of await readdir(editions).catch(() => [])) {
		if (!kept.has(`editions/${folder}/`)) await rm(path.join(editions, folder), { recursive: true, force: true });
	}

	const listing: SearchIndexes = {
		editions: [...members]
			.filter(([index]) => index !== hubSearchIndex)
			.map(([index, indexPages]) => {
				const dates = indexPages.map((page) => state.pages[page]!.date).filter((date): date is string => Boolean(date));
				const own = state.pages[indexPages.find((page) => page.startsWith('events/')) ?? '']?.date;
				return { id: index, path: indexFolder(index), pages: indexPages.length, ...(own || dates.length ? { date: own ?? dates.sort().at(-1)! } : {}) };
			})
			.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id)),
	};
	// Rewritten only when it changes, like the indexes: the offline list versions the deploy by its files.
	const listingFile = path.join(bundle, searchIndexesFile);
	if ((await readFile(listingFile, 'utf8').catch(() => '')) !== JSON.stringify(listing)) await writeFile(listingFile, JSON.stringify(listing));
	await mkdir(path.dirname(stateFile), { recursive: true });
	await writeFile(stateFile, JSON.stringify(state));
	return { indexed: stale, indexes: members.size, pages: pages.length };
}

/**
 * Writes one index beside its live folder and swaps it in, so a failed run leaves the last one
 * whole. The hub's swap keeps the editions' folders.
 */
async function writeIndex(site: string, bundle: string, index: string, pages: readonly string[]): Promise<void> {
	const { index: pagefindIndex, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: searchExcludedSelectors });
	if (!pagefindIndex) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	for (let start = 0; start < pages.length; start += fileConcurrency) {
		const batch = pages.slice(start, start + fileConcurrency);
		const contents = await mapConcurrently(batch, fileConcurrency, (page) => readFile(path.join(site, page), 'utf8'));
		for (const [position, page] of batch.entries()) {
			const added = await pagefindIndex.addHTMLFile({ sourcePath: page, content: contents[position]! });
			if (added.errors.length) throw new Error(`Pagefind failed to index ${page}: ${added.errors.join('; ')}`);
		}
	}
	const live = path.join(bundle, indexFolder(index));
	const next = `${live.replace(/\/$/, '')}.next`;
	await rm(next, { recursive: true, force: true });
	const written = await pagefindIndex.writeFiles({ outputPath: next });
	if (written.errors.length) throw new Error(`Pagefind failed to write the ${index} index: ${written.errors.join('; ')}`);
	await pagefindIndex.deleteIndex();
	if (index === hubSearchIndex) {
		await mkdir(bundle, { recursive: true });
		for (const name of await readdir(bundle)) if (name !== 'editions') await rm(path.join(bundle, name), { recursive: true, force: true });
		for (const name of await readdir(next)) await rename(path.join(next, name), path.join(bundle, name));
		await rm(next, { recursive: true, force: true });
		return;
	}
	for (const name of await readdir(next)) if (!isIndexData(name)) await rm(path.join(next, name), { recursive: true, force: true });
	await rm(live, { recursive: true, force: true });
	await mkdir(path.dirname(live), { recursive: true });
	await rename(next, live);
}
