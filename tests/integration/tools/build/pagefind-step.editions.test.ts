import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigest } from '#lib/site/offline.ts';
import { indexSite, pageSearchFacts } from '#tools/build/pagefind-step.ts';
import { openBuiltIndex } from '#tools/search/pagefind-node.ts';
import { listSiteFiles } from '#tools/site-files.ts';
import { page, scratchSite } from '../../../helpers/scratch-site';

/** An entry page as `SearchAttributes.astro` writes it: its index, date and event in `<head>`, its words in the body. */
const entryPage = (title: string, words: string, index?: string, date?: string, event?: string) =>
	page(
		`<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${words}</p></article>`,
		[
			index && `<meta name="edelweiss-search-index" content="${index}">`,
			index &&
				date &&
				`<meta name="pagefind-filter-edition" data-pagefind-filter="edition[content]" content="${index}">`,
			event &&
				`<meta name="pagefind-meta-event" data-pagefind-meta="event[content]" content="${event}">`,
			event &&
				`<meta name="pagefind-filter-event" data-pagefind-filter="event[content]" content="${event}">`,
			date &&
				`<meta name="pagefind-sort-date" data-pagefind-sort="date[content]" content="${date}">`,
			date &&
				`<meta name="pagefind-meta-isodate" data-pagefind-meta="isodate[content]" content="${date}">`,
		]
			.filter(Boolean)
			.join(''),
	);

describe('pageSearchFacts', () => {
	it('reads a page’s index, date and event from its head, the hub’s when it names none', () => {
		expect(
			pageSearchFacts(entryPage('Alpha', 'words', 'conf-2024', '2024-05-02', 'Conf &amp; Co 2024')),
		).toEqual({ index: 'conf-2024', date: '2024-05-02', event: 'Conf & Co 2024' });
		expect(pageSearchFacts(page(''))).toEqual({ index: 'hub' });
	});
});

describe('indexSite: an index per edition and one for the hub', async () => {
	const site = await scratchSite({
		'events/conf-2023/index.html': entryPage(
			'Conf 2023',
			'The gathering of beekeepers.',
			'conf-2023',
			'2023-05-01',
			'Conf 2023',
		),
		'talks/alpha/index.html': entryPage(
			'Alpha',
			'Bees and honey in the kernel.',
			'conf-2023',
			'2023-05-02',
			'Conf 2023',
		),
		'events/conf-2024/index.html': entryPage(
			'Conf 2024',
			'The gathering of zookeepers.',
			'conf-2024',
			'2024-05-01',
			'Conf 2024',
		),
		'talks/beta/index.html': entryPage(
			'Beta',
			'Otters in the kernel.',
			'conf-2024',
			'2024-05-02',
			'Conf 2024',
		),
		'talks/gamma/index.html': entryPage(
			'Gamma',
			'Kernel walruses.',
			'conf-2024',
			'2024-05-04',
			'Conf 2024',
		),
		'notes/kernel-2023/index.html': entryPage(
			'A note on the kernel',
			'The kernel in summer.',
			undefined,
			'2023-08-01',
		),
		'notes/kernel-2024/index.html': entryPage(
			'Kernel notes, spring',
			'The kernel at the conference.',
			undefined,
			'2024-05-03',
		),
		'people/ada/index.html': entryPage('Ada Lovelace', 'She wrote the first program.'),
		'index.html': page('<h1>Home</h1>'),
	});
	const stateFile = path.join(site, '..', `${path.basename(site)}-pagefind-state.json`);
	const digests = async () =>
		new Map(
			await Promise.all(
				(await listSiteFiles(site))
					.filter((file) => !file.startsWith('pagefind/'))
					.map(async (file) => [file, fileDigest(await readFile(path.join(site, file)))] as const),
			),
		);
	const urls = async (term: string) =>
		(await (await openBuiltIndex(site)).search(term)).hits.map((hit) => hit.url).sort();
	/** Every index file's bytes and modification time, but the listing's. */
	const snapshot = async (
		folder: string,
		skip = (file: string) => file.startsWith('editions/'),
	) => {
		const files = (await listSiteFiles(path.join(site, folder))).filter(
			(file) => !skip(file) && file !== 'editions.json',
		);
		return Object.fromEntries(
			await Promise.all(
				files.map(async (file) => {
					const at = path.join(site, folder, file);
					return [file, [(await stat(at)).mtimeMs, fileDigest(await readFile(at))]] as const;
				}),
			),
		);
	};

	it('writes the hub’s index with Pagefind’s code and each edition’s beside it, listed newest first', async () => {
		const result = await indexSite(site, await digests(), stateFile);
		expect(result).toEqual({
			indexed: ['hub', 'conf-2023', 'conf-2024'],
			indexes: 3,
			indexedPages: 8,
			pages: 8,
		});
		const listing = JSON.parse(await readFile(path.join(site, 'pagefind/editions.json'), 'utf8'));
		expect(listing).toEqual({
			hub: { pages: 3, bytes: expect.any(Number) },
			editions: [
				{
					id: 'conf-2024',
					title: 'Conf 2024',
					start: '2024-05-01',
					end: '2024-05-04',
					path: 'editions/conf-2024/',
					pages: 3,
					bytes: expect.any(Number),
				},
				{
					id: 'conf-2023',
					title: 'Conf 2023',
					start: '2023-05-01',
					end: '2023-05-02',
					path: 'editions/conf-2023/',
					pages: 2,
					bytes: expect.any(Number),
				},
			],
			// Two small editions: both searched by default.
			defaultScope: ['conf-2024', 'conf-2023'],
		});
		const files = await listSiteFiles(path.join(site, 'pagefind/editions/conf-2024'));
		expect(listing.editions[0].bytes).toBe(
			(
				await Promise.all(
					files.map(
						async (file) => (await stat(path.join(site, 'pagefind/editions/conf-2024', file))).size,
					),
				)
			).reduce((a, b) => a + b),
		);
		// Only the index: Pagefind's code and WebAssembly are the hub's.
		expect(
			files
				.filter((file) => !/^(index|filter|fragment)\//.test(file))
				.map((file) => file.replace(/_[0-9a-f]+\./, '_*.')),
		).toEqual(['pagefind-entry.json', 'pagefind.en_*.pf_meta']);
		expect(await urls('kernel')).toEqual([
			'/notes/kernel-2023/',
			'/notes/kernel-2024/',
			'/talks/alpha/',
			'/talks/beta/',
			'/talks/gamma/',
		]);
		expect(await urls('program')).toEqual(['/people/ada/']);
	});

	it('keeps everything when no page changed', async () => {
		expect(await indexSite(site, await digests(), stateFile)).toMatchObject({
			indexed: [],
			indexes: 3,
		});
	});

	it('hides the edition filter, which is no facet', async () => {
		const index = await openBuiltIndex(site);
		expect(Object.keys(await index.filters())).toEqual(['event']);
	});

	it('sorts newest first across indexes, the hub’s dated pages among the editions’', async () => {
		const index = await openBuiltIndex(site);
		const newest = async (term: string, filters = {}) =>
			(await index.search(term, { filters, sort: { date: 'desc' }, limit: 20 })).hits.map(
				(hit) => hit.url,
			);
		expect(await newest('')).toEqual([
			'/talks/gamma/',
			'/notes/kernel-2024/',
			'/talks/beta/',
			'/events/conf-2024/',
			'/notes/kernel-2023/',
			'/talks/alpha/',
			'/events/conf-2023/',
		]);
		expect(await newest('kernel')).toEqual([
			'/talks/gamma/',
			'/notes/kernel-2024/',
			'/talks/beta/',
			'/notes/kernel-2023/',
			'/talks/alpha/',
		]);
		expect(await newest('', { event: ['Conf 2023'] })).toEqual([
			'/talks/alpha/',
			'/events/conf-2023/',
		]);
	});

	it('re-indexes only the edited talk’s edition: its new words are found, the other indexes’ files are not rewritten', async () => {
		const [before2023, beforeHub] = [
			await snapshot('pagefind/editions/conf-2023', () => false),
			await snapshot('pagefind'),
		];
		await writeFile(
			path.join(site, 'talks/beta/index.html'),
			entryPage('Beta', 'Narwhals in the kernel.', 'conf-2024', '2024-05-02', 'Conf 2024'),
		);
		expect(await indexSite(site, await digests(), stateFile)).toMatchObject({
			indexed: ['conf-2024'],
			indexedPages: 3,
		});
		expect(await urls('narwhals')).toEqual(['/talks/beta/']);
		expect(await urls('otters')).toEqual([]);
		expect(await snapshot('pagefind/editions/conf-2023', () => false)).toEqual(before2023);
		expect(await snapshot('pagefind')).toEqual(beforeHub);
	});

	it('removes an edition’s index when its last page is gone', async () => {
		await rm(path.join(site, 'talks/alpha'), { recursive: true });
		await rm(path.join(site, 'events/conf-2023'), { recursive: true });
		expect((await indexSite(site, await digests(), stateFile)).indexes).toBe(2);
		expect(await listSiteFiles(path.join(site, 'pagefind/editions/conf-2023'))).toEqual([]);
		expect(await urls('kernel')).toEqual([
			'/notes/kernel-2023/',
			'/notes/kernel-2024/',
			'/talks/beta/',
			'/talks/gamma/',
		]);
	});
});

describe('indexSite: a site whose every page belongs to an edition', async () => {
	const site = await scratchSite({
		'talks/alpha/index.html': entryPage(
			'Alpha',
			'Bees in the kernel.',
			'conf-2023',
			'2023-05-02',
			'Conf 2023',
		),
	});

	it('still writes a hub index that opens, and finds the edition’s pages', async () => {
		await indexSite(
			site,
			new Map([['talks/alpha/index.html', 'x']]),
			path.join(site, '..', `${path.basename(site)}-state.json`),
		);
		expect((await (await openBuiltIndex(site)).search('bees')).hits.map((hit) => hit.url)).toEqual([
			'/talks/alpha/',
		]);
	});
});

describe('indexSite: event ids with folders', async () => {
	const pages = {
		'events/conf/index.html': entryPage(
			'Conf',
			'The series page of ants.',
			'conf',
			'2020-01-01',
			'Conf',
		),
		'talks/one/index.html': entryPage(
			'One',
			'Bees in 2024.',
			'conf/2024',
			'2024-05-01',
			'Conf 2024',
		),
		'talks/two/index.html': entryPage(
			'Two',
			'Bees in 2025.',
			'conf/2025',
			'2025-05-01',
			'Conf 2025',
		),
	};
	const site = await scratchSite(pages);
	const stateFile = path.join(site, '..', `${path.basename(site)}-nested-state.json`);
	const digests = async () =>
		new Map(
			await Promise.all(
				(await listSiteFiles(site))
					.filter((file) => !file.startsWith('pagefind/'))
					.map(async (file) => [file, fileDigest(await readFile(path.join(site, file)))] as const),
			),
		);
	const urls = async (term: string) =>
		(await (await openBuiltIndex(site)).search(term)).hits.map((hit) => hit.url).sort();

	it('writes an edition inside another’s folder, and rewriting or removing one leaves the other whole', async () => {
		await indexSite(site, await digests(), stateFile);
		expect(await urls('bees')).toEqual(['/talks/one/', '/talks/two/']);
		await writeFile(
			path.join(site, 'events/conf/index.html'),
			entryPage('Conf', 'The series page of wasps.', 'conf', '2020-01-01', 'Conf'),
		);
		expect((await indexSite(site, await digests(), stateFile)).indexed).toEqual(['conf']);
		expect(await urls('bees')).toEqual(['/talks/one/', '/talks/two/']);
		await rm(path.join(site, 'talks/one'), { recursive: true });
		await indexSite(site, await digests(), stateFile);
		expect(await urls('bees')).toEqual(['/talks/two/']);
		expect(await urls('wasps')).toEqual(['/events/conf/']);
		expect(
			(await listSiteFiles(path.join(site, 'pagefind/editions'))).filter((file) =>
				file.endsWith('pagefind-entry.json'),
			),
		).toEqual(['conf/2025/pagefind-entry.json', 'conf/pagefind-entry.json']);
	});
});
