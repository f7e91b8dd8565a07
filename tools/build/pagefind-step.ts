import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import * as pagefind from 'pagefind';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { collectionNames } from '#lib/content/collections.ts';
import { digestParts } from '#lib/digest.ts';
import {
	defaultScope,
	defaultScopeBytes,
	hubSearchIndex,
	searchIndexesFile,
	searchIndexMarker,
	type EditionIndex,
	type SearchIndexes,
} from '#lib/search/search-indexes.ts';
import { searchExcludedSelectors } from '#lib/search/search-record.ts';
import { listSiteFiles } from '#tools/site-files.ts';

/**
 * Pagefind indexes the entries' own pages, `<collection>/<id>/index.html`: list and tag pages
 * only repeat their titles, and the search page and the home page have nothing of their own.
 */
export const indexedPagesGlob = `{${collectionNames.join(',')}}/*/**/index.html`;
const entryPage = new RegExp(`^(${collectionNames.join('|')})/.+/index\\.html$`);
export const isIndexedPage = (file: string) => entryPage.test(file);

/** What the step reads from a page's `<head>` (`SearchAttributes.astro` writes it). */
export interface PageSearchFacts {
	/** Its edition's event id, or `hub`. */
	index: string;
	/** Its sort date. */
	date?: string;
	/** Its event's title, as its `event` metadata says. */
	event?: string;
}

/** Which index a page belongs to, its date and its event's title, from the `<meta>` elements of its `<head>`. */
export function pageSearchFacts(html: string): PageSearchFacts {
	const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html)?.[0] ?? '';
	const metas = new Map<string, string>();
	const wanted = [searchIndexMarker, 'pagefind-sort-date', 'pagefind-meta-event'];
	// Parsed, not matched, so an event title's `&amp;` reads as `&`; only the few read here.
	for (const tag of head.match(/<meta\s[^>]*>/gi) ?? []) {
		if (!wanted.some((name) => tag.includes(name))) continue;
		const [element] = fromHtml(tag, { fragment: true }).children;
		if (element?.type !== 'element') continue;
		const { name, content } = element.properties;
		if (typeof name === 'string' && typeof content === 'string') metas.set(name, content);
	}
	const date = metas.get('pagefind-sort-date');
	const event = metas.get('pagefind-meta-event');
	return {
		index: metas.get(searchIndexMarker) ?? hubSearchIndex,
		...(date ? { date } : {}),
		...(event ? { event } : {}),
	};
}

/** Where an index is written, inside the site's `pagefind/`: the hub's at its root, an edition's in `editions/`. */
export const indexFolder = (index: string) =>
	index === hubSearchIndex ? '' : `editions/${index}/`;

/** What an edition's folder keeps: its index. Pagefind's code and WebAssembly are the hub's, loaded once. */
const isIndexData = (name: string) =>
	/^(pagefind-entry\.json|.*\.pf_meta|index|filter|fragment)$/.test(name);

/** The hub's stand-in page when no page belongs to it: Pagefind's browser code cannot open an index without one. */
const emptyHubRecord = {
	url: '/search/',
	content: 'Search',
	language: 'en',
	meta: { title: 'Search' },
};

interface PageState extends PageSearchFacts {
	digest: string;
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
	/** How many pages the written indexes hold. */
	indexedPages: number;
	pages: number;
}

const folderBytes = async (folder: string) => {
	let bytes = 0;
	for (const file of await listSiteFiles(folder))
		bytes += (await stat(path.join(folder, file))).size;
	return bytes;
};

/**
 * Builds the Pagefind indexes into `<site>/pagefind` in this process (Pagefind's own binary does
 * the work), after Astro has exited, so the build's peak memory is the larger of the two rather
 * than their sum: one per edition (an event's page and its talks' pages) in
 * `editions/<event id>/`, and the hub's (every other entry page) with Pagefind's code at the root;
 * `editions.json` lists the editions, newest first (`#lib/search/search-indexes.ts`). An index
 * whose pages are byte for byte those it was built from is not written again: an edited talk
 * rewrites its edition's index only. `digests` are the built files' content digests and
 * `stateFile` remembers the last run's.
 */
export async function indexSite(
	site: string,
	digests: ReadonlyMap<string, string>,
	stateFile: string,
	scopeBytes = defaultScopeBytes,
): Promise<IndexResult> {
	const pages = [...digests.keys()].filter(isIndexedPage).sort();
	const bundle = path.join(site, 'pagefind');
	const previous = JSON.parse(
		await readFile(stateFile, 'utf8').catch(() => '{}'),
	) as Partial<StepState>;
	const state: StepState = { pages: {}, indexes: {} };

	// Only pages that changed are read: the others keep what was read from them.
	await mapConcurrently(pages, fileConcurrency, async (page) => {
		const digest = digests.get(page)!;
		const known = previous.pages?.[page];
		state.pages[page] =
			known?.digest === digest
				? known
				: { digest, ...pageSearchFacts(await readFile(path.join(site, page), 'utf8')) };
	});
	const members = new Map<string, string[]>([[hubSearchIndex, []]]);
	for (const page of pages) {
		const { index } = state.pages[page]!;
		if (!members.has(index)) members.set(index, []);
		members.get(index)!.push(page);
	}
	const whole =
		existsSync(path.join(bundle, 'pagefind.js')) &&
		existsSync(path.join(bundle, searchIndexesFile));
	const stale: string[] = [];
	for (const [index, indexPages] of members) {
		state.indexes[index] = digestParts(
			indexPages.flatMap((page) => [page, state.pages[page]!.digest]),
		);
		if (
			!whole ||
			previous.indexes?.[index] !== state.indexes[index] ||
			!existsSync(path.join(bundle, indexFolder(index), 'pagefind-entry.json'))
		)
			stale.push(index);
	}

	if (stale.length) {
		try {
			// The hub first: its folder is the bundle's root, which holds the editions' folders.
			for (const index of stale) await writeIndex(site, bundle, index, members.get(index)!);
		} finally {
			await pagefind.close();
		}
	}
	// Editions with no page left. An id may have folders (`2021/alpineconf`): an index is a
	// folder holding `pagefind-entry.json`, and only its own files go.
	const editionsFolder = path.join(bundle, 'editions');
	for (const file of await listSiteFiles(editionsFolder)) {
		const id = path.posix.dirname(file);
		if (path.posix.basename(file) === 'pagefind-entry.json' && !members.has(id))
			await removeIndexData(path.join(editionsFolder, id));
	}

	const editions: EditionIndex[] = [];
	for (const [index, indexPages] of members) {
		if (index === hubSearchIndex) continue;
		const facts = indexPages.map((page) => state.pages[page]!);
		const dates = facts.flatMap((page) => (page.date ? [page.date] : [])).sort();
		const event = state.pages[indexPages.find((page) => page.startsWith('events/')) ?? ''];
		editions.push({
			id: index,
			title: event?.event ?? facts.find((page) => page.event)?.event ?? index,
			start: dates[0],
			end: dates.at(-1),
			path: indexFolder(index),
			pages: indexPages.length,
			bytes: await folderBytes(path.join(bundle, indexFolder(index))),
		});
	}
	editions.sort(
		(a, b) =>
			(b.start ?? '').localeCompare(a.start ?? '') ||
			(b.end ?? '').localeCompare(a.end ?? '') ||
			a.id.localeCompare(b.id),
	);
	const hubBytes = (await listSiteFiles(bundle))
		.filter((file) => !file.startsWith('editions/') && file !== searchIndexesFile)
		.filter((file) => isIndexData(file.split('/')[0]!));
	let bytes = 0;
	for (const file of hubBytes) bytes += (await stat(path.join(bundle, file))).size;
	const listing: SearchIndexes = {
		hub: { pages: members.get(hubSearchIndex)!.length, bytes },
		editions,
		defaultScope: defaultScope(editions, scopeBytes),
	};
	// Rewritten only when it changes, like the indexes: the offline list versions the deploy by its files.
	const listingFile = path.join(bundle, searchIndexesFile);
	const listingJson = `${JSON.stringify(listing, null, '\t')}\n`;
	if ((await readFile(listingFile, 'utf8').catch(() => '')) !== listingJson)
		await writeFile(listingFile, listingJson);
	await mkdir(path.dirname(stateFile), { recursive: true });
	await writeFile(stateFile, JSON.stringify(state));
	return {
		indexed: stale,
		indexes: members.size,
		indexedPages: stale.reduce((sum, index) => sum + members.get(index)!.length, 0),
		pages: pages.length,
	};
}

/**
 * Writes one index beside its live folder and swaps it in, so a failed run leaves the last one
 * whole. The hub's swap keeps the editions' folders and the listing.
 */
async function writeIndex(
	site: string,
	bundle: string,
	index: string,
	pages: readonly string[],
): Promise<void> {
	const { index: pagefindIndex, errors } = await pagefind.createIndex({
		forceLanguage: 'en',
		excludeSelectors: searchExcludedSelectors,
	});
	if (!pagefindIndex) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	for (let start = 0; start < pages.length; start += fileConcurrency) {
		const batch = pages.slice(start, start + fileConcurrency);
		const contents = await Promise.all(
			batch.map((page) => readFile(path.join(site, page), 'utf8')),
		);
		for (const [position, page] of batch.entries()) {
			const added = await pagefindIndex.addHTMLFile({
				sourcePath: page,
				content: contents[position]!,
			});
			if (added.errors.length)
				throw new Error(`Pagefind failed to index ${page}: ${added.errors.join('; ')}`);
		}
	}
	if (!pages.length) await pagefindIndex.addCustomRecord(emptyHubRecord);
	const live = path.join(bundle, indexFolder(index));
	const next = `${live.replace(/\/$/, '')}.next`;
	await rm(next, { recursive: true, force: true });
	const written = await pagefindIndex.writeFiles({ outputPath: next });
	if (written.errors.length)
		throw new Error(`Pagefind failed to write the ${index} index: ${written.errors.join('; ')}`);
	await pagefindIndex.deleteIndex();
	if (index === hubSearchIndex) {
		await mkdir(bundle, { recursive: true });
		for (const name of await readdir(bundle))
			if (name !== 'editions' && name !== searchIndexesFile)
				await rm(path.join(bundle, name), { recursive: true, force: true });
		for (const name of await readdir(next))
			await rename(path.join(next, name), path.join(bundle, name));
		await rm(next, { recursive: true, force: true });
		return;
	}
	// Only the index's own files are replaced: an edition whose id is a folder of another's
	// (`conf` and `conf/2024`) keeps the other's.
	await removeIndexData(live);
	await mkdir(live, { recursive: true });
	for (const name of await readdir(next))
		if (isIndexData(name)) await rename(path.join(next, name), path.join(live, name));
	await rm(next, { recursive: true, force: true });
}

/** Removes an index's files from its folder, and the folder when nothing else is left in it. */
async function removeIndexData(folder: string): Promise<void> {
	for (const name of await readdir(folder).catch(() => []))
		if (isIndexData(name)) await rm(path.join(folder, name), { recursive: true, force: true });
	if (!(await readdir(folder).catch(() => ['absent'])).length)
		await rm(folder, { recursive: true });
}
