import { describe, expect, it } from 'vitest';
import { MissingIndexError, openBuiltIndex } from '#tools/search/pagefind-node.ts';
import { indexScratchSite, page, scratchSite } from '../../../helpers/scratch-site';

const talk = (title: string, event: string, words: string) =>
	page(
		`<main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${words}</p></main>`,
		`<meta data-pagefind-filter="type[content]" content="talk"><meta data-pagefind-filter="event[content]" content="${event}"><meta data-pagefind-meta="event[content]" content="${event}">`,
	);

describe('openBuiltIndex', async () => {
	const dist = await scratchSite({
		'talks/apk/index.html': talk(
			'Packaging with apk',
			'fosdem-2020',
			'How apk builds and signs packages.',
		),
		'talks/podman/index.html': talk(
			'Podman',
			'fosdem-2020',
			'Containers without a daemon, and apk inside them.',
		),
		'talks/riscv/index.html': talk('RISC-V ports', 'alpineconf-2021', 'Porting the toolchain.'),
	});
	await indexScratchSite(dist);
	const index = await openBuiltIndex(dist);
	const unbuilt = await scratchSite({ 'index.html': page('<h1>Home</h1>') });

	it("searches a built site's index in Node, with Pagefind's own ranking, metadata and excerpts", async () => {
		const { total, hits } = await index.search('apk');
		expect(total).toBe(2);
		expect(hits[0]).toMatchObject({
			url: '/talks/apk/',
			title: 'Packaging with apk',
			event: 'fosdem-2020',
		});
		expect(hits[0]!.excerpt).toContain('<mark>apk</mark>');
		expect((await index.search('apk', { limit: 1 })).hits).toHaveLength(1);
	});

	it('filters, and lists every page of a filter for an empty query', async () => {
		expect(await index.filters()).toMatchObject({
			event: { 'fosdem-2020': 2, 'alpineconf-2021': 1 },
		});
		const { hits } = await index.search('', { filters: { event: ['alpineconf-2021'] } });
		expect(hits.map((hit) => hit.url)).toEqual(['/talks/riscv/']);
	});

	it('says to build first when the site has no index', async () => {
		await expect(openBuiltIndex(unbuilt)).rejects.toThrow(MissingIndexError);
		await expect(openBuiltIndex(unbuilt)).rejects.toThrow(
			/^No search index at .*pagefind: run `npm run build` first\.$/,
		);
	});
});
