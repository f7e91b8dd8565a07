import { expect } from 'vitest';
import { builtSite } from '../helpers/sites';

/**
 * Golden queries: what readers type and what they must find, run against the real Pagefind
 * index of `tests/fixtures/search/` both in Chromium (tests/browser/search.test.ts) and through
 * the terminal search (tests/build/terminal-search.test.ts), so the two surfaces cannot drift.
 * Filters are written as in search page URLs and `npm run search` flags.
 */
export interface GoldenQuery {
	name: string;
	term: string;
	filters?: Record<string, string[]>;
	/** The page expected first. */
	first?: string;
	/** Pages expected among the results. */
	includes?: string[];
	/** For filtered queries: pages the same query finds without the filters, and must not with them. */
	narrowsAway?: string[];
	/** Every result has this type. */
	onlyType?: string;
}

export const goldenQueries: GoldenQuery[] = [
	{
		name: "a speaker's name finds their page and their talk",
		term: 'Sascha Grunert',
		first: '/people/sascha-grunert/',
		includes: ['/talks/podman/'],
	},
	{
		name: 'a speaker with two talks finds both',
		term: 'natanael copa',
		includes: ['/talks/alpine-in-the-cloud/', '/talks/building-packages-at-scale/'],
	},
	{
		name: '"podman" puts the Podman talk first',
		term: 'podman',
		first: '/talks/podman/',
		includes: ['/talks/kata-containers-opensuse/'],
	},
	{
		name: '"ostree" finds the Pine note first',
		term: 'ostree',
		first: '/notes/pine-ostree-alpine/',
		includes: ['/notes/mirror-infrastructure/'],
	},
	{
		name: '"bare metal" finds the Equinix case study first',
		term: 'bare metal',
		first: '/case-studies/equinix-metal-bare-metal/',
	},
	{
		name: 'the type filter narrows "containers" to talks',
		term: 'containers',
		filters: { type: ['talk'] },
		includes: [
			'/talks/podman/',
			'/talks/lazy-image-distribution/',
			'/talks/kata-containers-opensuse/',
		],
		narrowsAway: ['/events/fosdem-2020/'],
		onlyType: 'Talk',
	},
	{
		name: "type and event filters without a query list that event's talks",
		term: '',
		filters: { type: ['talk'], event: ['fosdem-2020'] },
		includes: [
			'/talks/podman/',
			'/talks/lazy-image-distribution/',
			'/talks/kata-containers-opensuse/',
		],
		narrowsAway: ['/talks/alpine-in-the-cloud/'],
		onlyType: 'Talk',
	},
	{
		name: 'a misspelt "podmn" still finds the Podman talk first',
		term: 'podmn',
		first: '/talks/podman/',
	},
	{
		name: 'a misspelt "ostre" still finds the Pine note first',
		term: 'ostre',
		first: '/notes/pine-ostree-alpine/',
	},
];

/** The same questions against the real hub in `content/`, built by the test setup as `siteDist`. */
export const realContentQueries: GoldenQuery[] = [
	{
		name: "a speaker's name finds their page and their talk",
		term: 'Sascha Grunert',
		first: '/people/sascha-grunert/',
		includes: ['/talks/podman-the-powerful-container-multi-tool/'],
	},
	// A subject with a topic page is answered by that page first, then by what it gathers (docs/topics.md).
	{
		name: '"podman" puts the Podman topic first, then its talk',
		term: 'podman',
		first: '/topics/podman/',
		includes: ['/talks/podman-the-powerful-container-multi-tool/'],
	},
	{
		name: '"ostree" puts the OSTree topic first, with the Pine note',
		term: 'ostree',
		first: '/topics/ostree/',
		includes: ['/notes/pine-ostree-alpine/'],
	},
	{
		name: '"bare metal" finds the Equinix Metal case study first',
		term: 'bare metal',
		first: '/case-studies/alpine-linux-on-equinix-metal/',
	},
	{
		name: 'the type filter keeps the Podman talk and drops the FOSDEM recap',
		term: 'podman',
		filters: { type: ['talk'] },
		first: '/talks/podman-the-powerful-container-multi-tool/',
		narrowsAway: ['/recaps/fosdem-2020-my-main-takeaways/'],
		onlyType: 'Talk',
	},
	{
		name: 'type and event filters without a query list AlpineConf 2021 talks only',
		term: '',
		filters: { type: ['talk'], event: ['alpineconf-2021'] },
		narrowsAway: ['/talks/podman-the-powerful-container-multi-tool/'],
		onlyType: 'Talk',
	},
	{
		name: 'a misspelt "podmn" still finds the Podman topic first, and its talk',
		term: 'podmn',
		first: '/topics/podman/',
		includes: ['/talks/podman-the-powerful-container-multi-tool/'],
	},
];

/** Each table with the built site it runs against. */
export const goldenSuites = [
	{ site: 'the search fixture', siteName: 'search', queries: goldenQueries },
	{ site: 'the real content', siteName: 'site', queries: realContentQueries },
] as const;

/** The built site of each golden suite, by `siteName`. */
export async function goldenSiteDists(): Promise<
	Record<(typeof goldenSuites)[number]['siteName'], string>
> {
	return { search: (await builtSite('search')).dist, site: (await builtSite('site')).dist };
}

/** One result as both surfaces report it. */
export interface GoldenHit {
	url: string;
	type?: string | undefined;
}

/** Checks one surface's ranked results (all of them, best first) against a golden query. */
export function expectGolden(query: GoldenQuery, hits: GoldenHit[], unfiltered?: GoldenHit[]) {
	const urls = hits.map((hit) => hit.url);
	if (query.first) expect(urls[0], `${query.name}: first result`).toBe(query.first);
	for (const url of query.includes ?? [])
		expect(urls, `${query.name}: includes ${url}`).toContain(url);
	if (query.onlyType)
		expect(new Set(hits.map((hit) => hit.type)), query.name).toEqual(new Set([query.onlyType]));
	for (const url of query.narrowsAway ?? []) {
		expect(urls, `${query.name}: filtered out ${url}`).not.toContain(url);
		if (unfiltered)
			expect(
				unfiltered.map((hit) => hit.url),
				`${query.name}: ${url} without filters`,
			).toContain(url);
	}
}
