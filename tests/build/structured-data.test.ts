import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles } from '#tools/site-files.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { loadPage } from '../helpers/html';
import { inChildProcess } from '../helpers/in-child-process';
import type * as SchemaOrgModule from '../helpers/schema-org';
import type { JsonLdBlock } from '../helpers/schema-org';
import { builtSite, type SiteName } from '../helpers/sites';

const { schemaOrgProblems } = inChildProcess<typeof SchemaOrgModule>(
	new URL('../helpers/schema-org.ts', import.meta.url).href,
);

/** Three mistakes schema.org's vocabulary must catch: the check can fail. */
const brokenBlocks: JsonLdBlock[] = [
	{
		page: '/misspelt/',
		data: { '@context': 'https://schema.org', '@type': 'Event', nmae: 'Typo' },
	},
	{
		page: '/mistyped/',
		data: { '@context': 'https://schema.org', '@type': 'Event', startDate: 7 },
	},
	{
		page: '/unknown-type/',
		data: { '@context': 'https://schema.org', '@type': 'Evnt', name: 'x' },
	},
];

async function jsonLdOf(dist: string): Promise<JsonLdBlock[]> {
	const blocks: JsonLdBlock[] = [];
	for (const file of await listHtmlFiles(dist)) {
		const $ = load(await readFile(path.join(dist, file), 'utf8'));
		$('script[type="application/ld+json"]').each((_, script) => {
			blocks.push({ page: urlPathOf(file), data: JSON.parse($(script).text()) });
		});
	}
	return blocks;
}

describe('schema.org structured data', () => {
	const sites: Partial<Record<SiteName, { dist: string; blocks: JsonLdBlock[] }>> = {};
	let schemaProblems: Record<string, string[]>;
	beforeAll(async () => {
		for (const name of ['programme', 'site'] as const) {
			const { dist } = await builtSite(name);
			sites[name] = { dist, blocks: await jsonLdOf(dist) };
		}
		schemaProblems = await schemaOrgProblems({
			broken: brokenBlocks,
			programme: sites.programme!.blocks,
			site: sites.site!.blocks,
		});
	});

	it('catches a block that does not follow schema.org (the check can fail)', () => {
		const problems = schemaProblems.broken!;
		expect(problems.find((problem) => problem.startsWith('/misspelt/:'))).toMatch(/nmae/);
		expect(problems.find((problem) => problem.startsWith('/mistyped/:'))).toMatch(/startDate/);
		expect(problems.find((problem) => problem.startsWith('/unknown-type/:'))).toBeDefined();
	});

	it.each(['programme', 'site'] as const)(
		'is valid schema.org on every page of the %s site',
		(name) => {
			expect(sites[name]!.blocks.length).toBeGreaterThan(10);
			expect(schemaProblems[name]).toEqual([]);
		},
	);

	it('describes an event with its talks as sub-events, times zoned, recordings as videos', () => {
		const { blocks } = sites.programme!;
		const event = blocks.find((block) => block.page === '/events/gridconf-2025/')!.data as Record<
			string,
			any
		>;
		expect(event).toMatchObject({
			'@type': 'Event',
			name: 'GridConf 2025',
			startDate: '2025-06-14',
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		});
		expect(event.subEvent).toHaveLength(8);
		const keynote = event.subEvent.find((talk: any) => talk.name === 'Opening keynote');
		expect(keynote).toMatchObject({
			startDate: '2025-06-14T09:00:00+02:00',
			endDate: '2025-06-14T10:00:00+02:00',
			location: { '@type': 'Place', name: 'Janson' },
			performer: [{ '@type': 'Person', name: 'Grace Hopper' }],
			recordedIn: {
				'@type': 'VideoObject',
				contentUrl: 'https://video.example.org/opening.webm',
				license: 'CC-BY-4.0',
			},
		});
	});

	it('describes people, and recaps and notes as articles', () => {
		const { blocks } = sites.programme!;
		const byPage = (page: string) => blocks.find((block) => block.page === page)?.data;
		expect(byPage('/people/ada-lovelace/')).toMatchObject({
			'@type': 'Person',
			name: 'Ada Lovelace',
			alternateName: ['@adal'],
		});
		expect(byPage('/recaps/untimed-meetup-2025-recap/')).toMatchObject({
			'@type': 'Article',
			headline: 'Untimed Meetup 2025 recap',
			author: { '@type': 'Person', name: 'Ada Lovelace' },
			about: { '@type': 'Event', name: 'Untimed Meetup 2025' },
		});
		expect(byPage('/notes/long-lines/')).toMatchObject({
			'@type': 'Article',
			headline: 'Long lines',
		});
		expect(byPage('/talks/yak-shaving/')).toMatchObject({
			'@type': 'Event',
			superEvent: { name: 'Untimed Meetup 2025' },
			startDate: '2025-09-06',
		});
	});

	it('keeps the Open Graph tags beside it', async () => {
		const $ = await loadPage(sites.site!.dist, '/talks/podman-the-powerful-container-multi-tool/');
		expect($('meta[property="og:title"]').attr('content')).toBe(
			'Podman - The Powerful Container Multi-Tool',
		);
		expect($('meta[property="og:type"]').attr('content')).toBe('article');
		expect($('script[type="application/ld+json"]')).toHaveLength(1);
	});
});
