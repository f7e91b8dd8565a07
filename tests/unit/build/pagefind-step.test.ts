import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedPagesGlob, indexSite, isIndexedPage, pageSearchIndex } from '../../../src/lib/build/pagefind-step';
import { fileDigest } from '../../../src/lib/offline';
import { openBuiltIndex } from '../../../src/lib/pagefind-node';
import { listSiteFiles } from '../../../src/lib/site-files';
import { page, scratchSite } from '../../helpers/scratch-site';

describe('the Pagefind step', () => {
	it('indexes the entries’ own pages, not lists, tags, exports or the home page', () => {
		expect(indexedPagesGlob).toBe('{events,talks,people,recaps,notes,sponsors,case-studies}/*/**/index.html');
		for (const page of ['talks/podman/index.html', 'talks/fosdem-2020/podman/index.html', 'people/ada/index.html', 'case-studies/x/index.html']) {
			expect(isIndexedPage(page), page).toBe(true);
		}
		for (const page of ['talks/index.html', 'index.html', 'tags/kernel/index.html', 'search/index.html', 'talks/podman/talk.ics', 'events/x/schedule.json']) {
			expect(isIndexedPage(page), page).toBe(false);
		}
	});

	it('reads a page’s index and date from its head, the hub’s when it names none', () => {
		const head =
			'<meta name="edelweiss-search-index" content="conf-2024"><meta name="pagefind-sort-date" data-pagefind-sort="date[content]" content="2024-05-02">';
		expect(pageSearchIndex(page('', head))).toEqual({ index: 'conf-2024', date: '2024-05-02' });
		expect(pageSearchIndex(page(''))).toEqual({ index: 'hub' });
	});
});

/** An entry page as `EntryLayout` writes it: its index and date in `<head>`, its words in the body. */
const entryPage = (title: string, words: string, index?: string, date?: string) =>
	page(
		`<article data-pagefind-body><h1>${title}</h1><p>${words}</p></article>`,
		[
			index && `<meta name="edelweiss-search-index" content="${index}">`,
			date && `<meta name="pagefind-sort-date" data-pagefind-sort="date[content]" content="${date}">`,
			date && `<meta name="pagefind-meta-date" data-pagefind-meta="date[content]" content="${date}">`,
		]
			.filter(Boolean)
			.join(''),
	);

describe('indexSite: an index per edition and one for the hub', async () => {
	const site = await scratchSite({
		'events/conf-2023/index.html': entryPage('Conf 2023', 'The gathering of beekeepers.', 'conf-2023', '2023-05-01'),
		'talks/alpha/index.html': entryPage('Alpha', 'Bees and honey in the kernel.', 'conf-2023', '2023-05-01'),
		'events/conf-2024/index.html': entryPage('Conf 2024', 'The gathering of zookeepers.', 'conf-2024', '2024-05-01'),
		'talks/beta/index.html': entryPage('Beta', 'Otters in the kernel.', 'conf-2024', '2024-05-02'),
		'people/ada/index.html': entryPage('Ada Lovelace', 'She wrote the first program.'),
		'index.html': page('<h1>Home</h1>'),
	});
	const stateFile = path.join(site, '../', `${path.basename(site)}-pagefind-state.json`);
	const digests = async () =>
		new Map(
			await Promise.all(
				(await listSiteFiles(site))
					.filter((file) => !file.startsWith('pagefind/'))
					.map(async (file) => [file, fileDigest(await readFile(path.join(site, file)))] as const),
			),
		);
	const urls = async (term: string) => (await (await openBuiltIndex(site)).search(term)).hits.map((hit) => hit.url).sort();
	const times = async (folder: string) => {
		const files = (await listSiteFiles(path.join(site, folder))).filter((file) => folder !== 'pagefind' || !file.startsWith('editions/'));
		return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await stat(path.join(site, folder, file))).mtimeMs] as const)));
	};

	it('writes the hub’s index with Pagefind’s code and each edition’s beside it, listed newest first', async () => {
		const result = await indexSite(site, await digests(), stateFile);
		expect(result).toEqual({ indexed: ['hub', 'conf-2023', 'conf-2024'], indexes: 3, pages: 5 });
		expect(JSON.parse(await readFile(path.join(site, 'pagefind/editions.json'), 'utf8'))).toEqual({
			editions: [
				{ id: 'conf-2024', path: 'editions/conf-2024/', date: '2024-05-01', pages: 2 },
				{ id: 'conf-2023', path: 'editions/conf-2023/', date: '2023-05-01', pages: 2 },
			],
		});
		expect((await listSiteFiles(path.join(site, 'pagefind/editions/conf-2024'))).filter((file) => !/^(index|filter|fragment)\//.test(file))).toEqual([
			expect.stringMatching(/^pagefind-entry\.json$|\.pf_meta$/),
			expect.stringMatching(/^pagefind-entry\.json$|\.pf_meta$/),
		]);
		expect(await urls('kernel')).toEqual(['/talks/alpha/', '/talks/beta/']);
		expect(await urls('program')).toEqual(['/people/ada/']);
	});

	it('keeps everything when no page changed', async () => {
		expect(await indexSite(site, await digests(), stateFile)).toEqual({ indexed: [], indexes: 3, pages: 5 });
	});

	it('re-indexes only the edited talk’s edition: its new words are found, the other indexes’ files are not rewritten', async () => {
		const [before2023, beforeHub] = [await times('pagefind/editions/conf-2023'), await times('pagefind')];
		await writeFile(path.join(site, 'talks/beta/index.html'), entryPage('Beta', 'Walruses in the kernel.', 'conf-2024', '2024-05-02'));
		expect(await indexSite(site, await digests(), stateFile)).toEqual({ indexed: ['conf-2024'], indexes: 3, pages: 5 });
		expect(await urls('walruses')).toEqual(['/talks/beta/']);
		expect(await urls('otters')).toEqual([]);
		expect(await times('pagefind/editions/conf-2023')).toEqual(before2023);
		expect(await times('pagefind')).toEqual(beforeHub);
	});

	it('sorts by date across indexes, newest first', async () => {
		const index = await openBuiltIndex(site);
		const { hits } = await index.search('', { filters: {}, sort: { date: 'desc' }, limit: 10 });
		expect(hits.map((hit) => hit.url)).toEqual(['/talks/beta/', '/events/conf-2024/', '/talks/alpha/', '/events/conf-2023/']);
	});

	it('removes an edition’s index when its last page is gone', async () => {
		const { rm } = await import('node:fs/promises');
		await rm(path.join(site, 'talks/alpha'), { recursive: true });
		await rm(path.join(site, 'events/conf-2023'), { recursive: true });
		expect((await indexSite(site, await digests(), stateFile)).indexes).toBe(2);
		expect((await listSiteFiles(path.join(site, 'pagefind/editions'))).some((file) => file.startsWith('conf-2023/'))).toBe(false);
		expect(await urls('kernel')).toEqual(['/talks/beta/']);
	});
});
