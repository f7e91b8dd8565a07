import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openBuiltIndex } from '#tools/search/pagefind-node.ts';
import { parseSchedule } from '#lib/schedule/parse-schedule.ts';
import { runTerminalSearch } from '#tools/search/terminal-search.ts';
import { outputRoot } from '../helpers/build-site';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';
import { topicsSchedules, topicsTracks } from '../helpers/topics-site';

/**
 * The `topics` site: the hub's own content with nine tracks of FOSDEM 2019, 2020 and 2024
 * imported (`tests/helpers/topics-site.ts`): those that name postmarketOS, those that come near
 * it without naming it, and others. No imported talk names a topic in its front matter: every
 * FOSDEM talk on a topic page got there by the topic's rules.
 */
let dist: string;
let log: string;
const content = path.join(outputRoot, 'topics-content');
beforeAll(async () => {
	({ dist, log } = await builtSite('topics'));
}, 900_000);

/**
 * The imported talks that name postmarketOS (or pmOS) in their title, subtitle, abstract or
 * description, as `<edition>/<schedule id>`: computed from the schedules themselves, with a
 * plain regular expression over their text without HTML tags, not with the hub's matcher.
 */
async function talksNamingPostmarketOS(): Promise<string[]> {
	const named: string[] = [];
	const tracks = new Set(topicsTracks);
	for (const file of topicsSchedules) {
		const schedule = parseSchedule(await readFile(file, 'utf8'), file);
		const edition = path.basename(file, '.xml');
		for (const talk of schedule.talks.filter((talk) => tracks.has(talk.track ?? ''))) {
			const text = [talk.title, talk.subtitle, talk.abstract, talk.description]
				.join(' ')
				.replace(/<[^>]*>/g, ' ')
				.normalize('NFKD');
			if (/(?<![\p{L}\p{N}])(postmarketos|pmos)(?![\p{L}\p{N}])/iu.test(text))
				named.push(`${edition}/${talk.id}`);
		}
	}
	return named.sort();
}

/** A talk page's URL as `<edition>/<schedule id>` for an imported talk, from its file's `source`. */
async function scheduleKey(talkUrl: string): Promise<string | undefined> {
	const id = talkUrl.replace(/^\/talks\//, '').replace(/\/$/, '');
	const text = await readFile(path.join(content, 'talks', `${id}.md`), 'utf8');
	const data = parse(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as {
		event: string;
		source?: { id?: string | number };
	};
	return data.source?.id === undefined ? undefined : `${data.event}/${data.source.id}`;
}

const text = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('the postmarketOS topic over three imported FOSDEM editions', () => {
	it('lists every FOSDEM talk whose title or abstract names postmarketOS, and no other', async () => {
		const expected = await talksNamingPostmarketOS();
		// The schedules do name it: the test would prove nothing over an empty list.
		expect(expected.length).toBeGreaterThanOrEqual(3);
		const $ = await loadPage(dist, '/topics/postmarketos/');
		const listed = $('section[aria-labelledby="talks"] ul.talks > li > a:first-child')
			.map((_, link) => $(link).attr('href'))
			.get();
		const keys = await Promise.all(listed.map(scheduleKey));
		const fosdem = keys.filter((key): key is string => key?.startsWith('fosdem-') ?? false).sort();
		expect(fosdem).toEqual(expected);
		// The hub's own AlpineConf talks about it are there too, named or matched.
		expect(listed).toEqual(
			expect.arrayContaining([
				'/talks/pmbootstrap-swiss-army-knife-of-postmarketos-development/',
				'/talks/postmarketos-demo/',
			]),
		);
	});

	it('puts the hub’s AlpineConf writing above the talks, and groups the talks by year, newest first', async () => {
		const $ = await loadPage(dist, '/topics/postmarketos/');
		const sections = $('section[aria-labelledby]')
			.map((_, section) => $(section).attr('aria-labelledby'))
			.get()
			.filter((id) => ['writing', 'talks-per-year', 'talks'].includes(id));
		expect(sections).toEqual(['writing', 'talks-per-year', 'talks']);
		expect($('#writing').parent().find('a').first().attr('href')).toBe(
			'/recaps/alpineconf-2021-recap/',
		);
		const years = $('#talks')
			.parent()
			.find('h3')
			.map((_, heading) => text($(heading).text()).slice(0, 4))
			.get();
		expect(years).toEqual([...years].sort().reverse());
		expect(years).toEqual(expect.arrayContaining(['2024', '2021', '2020']));
		// Each talk with its speakers.
		expect(text($('#talks').parent().find('li').first().text())).toMatch(/ by .+ · /);
	});

	it('charts talks per year and series with the numbers of the list, in a table beside it', async () => {
		const $ = await loadPage(dist, '/topics/postmarketos/');
		const listedPerYear = new Map(
			$('#talks')
				.parent()
				.find('section.year')
				.map((_, year) => [
					[text($(year).find('h3').text()).slice(0, 4), $(year).find('ul.talks > li').length],
				])
				.get() as [string, number][],
		);
		const rows = $('#talks-per-year-table tbody tr')
			.map((_, row) => [
				$(row)
					.find('th, td')
					.map((__, cell) => text($(cell).text()))
					.get(),
			])
			.get() as string[][];
		const tablePerYear = new Map<string, number>();
		for (const [year, , count] of rows)
			tablePerYear.set(year!, (tablePerYear.get(year!) ?? 0) + Number(count));
		expect(tablePerYear).toEqual(listedPerYear);
		expect(rows.filter(([, series]) => series === 'FOSDEM').map(([year]) => year)).toEqual([
			'2020',
			'2024',
		]);
		const description = $('figure.bar-chart svg[role="img"] desc').text();
		for (const [year, series, count] of rows) {
			const label = series!.includes(year!) ? series : `${series} ${year}`;
			expect(description).toContain(`${label}, ${count} talk${count === '1' ? '' : 's'}`);
		}
		expect($('figure.bar-chart rect')).toHaveLength(rows.length);
	});

	it('names the topic on its talks’ and writing’s pages, and not on others', async () => {
		const $ = await loadPage(dist, '/topics/postmarketos/');
		const first = $('section[aria-labelledby="talks"] ul.talks > li > a:first-child')
			.first()
			.attr('href')!;
		const talk = await loadPage(dist, first);
		expect(talk('.entry-topics a[href="/topics/postmarketos/"]').text()).toBe('postmarketOS');
		const other = await loadPage(dist, '/talks/systemd-the-good-parts/');
		expect(other('.entry-topics a[href="/topics/postmarketos/"]')).toHaveLength(0);
		// Writing shows the topics it names.
		const recap = await loadPage(dist, '/recaps/alpineconf-2021-recap/');
		expect(recap('.entry-topics a[href="/topics/postmarketos/"]')).toHaveLength(1);
	});

	it('filters search by topic: the topic, its talks and its writing, nothing else', async () => {
		const $ = await loadPage(dist, '/topics/postmarketos/');
		const talks = $('section[aria-labelledby="talks"] ul.talks > li > a:first-child')
			.map((_, link) => $(link).attr('href'))
			.get();
		const index = await openBuiltIndex(dist);
		expect(Object.keys((await index.filters()).topic ?? {})).toEqual(
			expect.arrayContaining(['postmarketOS', 'musl', 'Matrix']),
		);
		const { hits } = await index.search('', { filters: { topic: ['postmarketOS'] }, limit: 200 });
		expect(hits.map((hit) => hit.url).sort()).toEqual(
			['/recaps/alpineconf-2021-recap/', '/topics/postmarketos/', ...talks].sort(),
		);
		const narrowed = await index.search('phone', {
			filters: { topic: ['postmarketOS'], type: ['Talk'] },
			limit: 50,
		});
		expect(narrowed.hits.length).toBeGreaterThan(0);
		expect(narrowed.hits.every((hit) => talks.includes(hit.url))).toBe(true);
	});

	it('offers the topic filter on the search page and in the terminal, by the topic’s slug', async () => {
		const $ = await loadPage(dist, '/search/');
		expect($('[data-search-page]').attr('data-facets')!.split(' ')).toContain('topic');
		const { hits } = await runTerminalSearch({
			term: '',
			filters: { topic: ['postmarketos'], type: ['talk'] },
			newestFirst: false,
			limit: 50,
			json: false,
			dist,
		});
		const page = await loadPage(dist, '/topics/postmarketos/');
		const talks = page('section[aria-labelledby="talks"] ul.talks > li > a:first-child')
			.map((_, link) => page(link).attr('href'))
			.get();
		expect(hits.map((hit) => hit.url).sort()).toEqual([...talks].sort());
	});
});

describe('topic matching in the build', () => {
	it('says how long matching every talk took, for the benchmark', async () => {
		const talks = (await readdir(path.join(content, 'talks'), { recursive: true })).filter((file) =>
			/\.mdx?$/.test(file),
		);
		// The hub's own talks and the imported ones, more than a hundred.
		expect(talks.length).toBeGreaterThan(100);
		expect(log).toMatch(
			new RegExp(
				String.raw`\[edelweiss:topics\] ${talks.length.toLocaleString('en')} talks matched against 12 topics in \d+\.\d\ds`,
			),
		);
	});
});

describe('the topics index', () => {
	it('lists every topic with its count of talks', async () => {
		const $ = await loadPage(dist, '/topics/');
		const cards = $('.entry-card')
			.map((_, card) => [[$(card).find('a').attr('href'), text($(card).find('.meta').text())]])
			.get() as [string, string][];
		expect(cards.map(([href]) => href)).toEqual(
			expect.arrayContaining([
				'/topics/postmarketos/',
				'/topics/musl/',
				'/topics/risc-v/',
				'/topics/kubernetes/',
			]),
		);
		const postmarketos = await loadPage(dist, '/topics/postmarketos/');
		const count = postmarketos('section[aria-labelledby="talks"] ul.talks > li').length;
		expect(cards.find(([href]) => href === '/topics/postmarketos/')![1]).toMatch(
			new RegExp(`^${count} talks`),
		);
	});
});
