import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptFiles, readInlineScript } from '#lib/site/inline-scripts.ts';
import { loadPage } from '../helpers/html';
import { openBuiltIndex } from '#tools/search/pagefind-node.ts';
import { listHtmlFiles } from '#tools/site-files.ts';
import { searchFacetKeys } from '#lib/search/search-record.ts';
import {
	parseSearchArgs,
	runTerminalSearch,
	type TerminalSearchOptions,
} from '#tools/search/terminal-search.ts';
import { vocJsonValidator, xsdErrors } from '../helpers/schedule-checks';
import { builtSite } from '../helpers/sites';

const { dist } = await builtSite('basic');

describe('the basic fixture site', () => {
	let htmlFiles: string[] = [];
	beforeAll(async () => {
		htmlFiles = await listHtmlFiles(dist);
	});

	it('has a page for every page type', async () => {
		for (const page of [
			'index.html',
			'404.html',
			'events/index.html',
			'events/democonf-2024/index.html',
			'talks/index.html',
			'talks/packaging-with-apk/index.html',
			'people/index.html',
			'people/ada-lovelace/index.html',
			'recaps/index.html',
			'recaps/democonf-2024-recap/index.html',
			'notes/index.html',
			'notes/build-servers/index.html',
			'sponsors/index.html',
			'sponsors/acme-hosting/index.html',
			'case-studies/index.html',
			'case-studies/acme-builders/index.html',
			'tags/index.html',
			'tags/packaging/index.html',
		]) {
			expect(htmlFiles, page).toContain(page);
		}
	});

	it('shows a talk with speakers, event, zoned time, room, track, links and backlinks', async () => {
		const $ = await loadPage(dist, '/talks/packaging-with-apk/');
		expect($('h1').text()).toBe('Packaging with apk');
		const speakers = $('.facts a[href^="/people/"]')
			.map((_, a) => $(a).attr('href'))
			.get();
		expect(speakers).toEqual(['/people/ada-lovelace/', '/people/grace-hopper/']);
		expect($('.facts a[href="/events/democonf-2024/"]').text()).toBe('DemoConf 2024');
		expect($('time[datetime="2024-03-09T10:30:00+01:00"]').text()).toBe('10:30–11:10');
		expect($('.facts').text()).toContain('H.1302');
		expect($('.facts').text()).toContain('Distributions');
		expect($('.facts dt:contains("Language") + dd').text()).toBe('English');
		expect($('a[href="https://democonf.example.org/slides/apk.pdf"]').attr('rel')).toBe(
			'noopener noreferrer',
		);
		const discussedIn = $('.discussed-in a')
			.map((_, a) => $(a).attr('href'))
			.get()
			.sort();
		// The recap embeds the talk's card: the link lands on it.
		expect(discussedIn).toEqual([
			'/case-studies/acme-builders/',
			'/notes/build-servers/',
			'/recaps/democonf-2024-recap/#talk-packaging-with-apk',
		]);
	});

	it('groups an event programme by day with its recaps', async () => {
		const $ = await loadPage(dist, '/events/democonf-2024/');
		const days = $('section:has(> #schedule) h3 time')
			.map((_, t) => $(t).attr('datetime'))
			.get();
		expect(days).toEqual(['2024-03-09', '2024-03-10']);
		const firstDay = $('#day-2024-03-09').parent();
		expect(
			firstDay
				.find('.talk-link')
				.map((_, a) => $(a).text())
				.get(),
		).toEqual(['Packaging with apk']);
		// Each row names its room and track, and gives its time with its offset in the event's zone.
		expect(
			firstDay
				.find('[data-slot] .where')
				.map((_, where) => $(where).text())
				.get(),
		).toEqual(['H.1302 · Distributions']);
		expect(firstDay.find('time[data-zoned]').attr('datetime')).toBe('2024-03-09T10:30:00+01:00');
		expect($('a[href="/recaps/democonf-2024-recap/"]').length).toBeGreaterThan(0);
		// An unqualified count is stated as it is: "about" only where the source says so.
		expect(
			$('.facts dt')
				.filter((_, dt) => $(dt).text() === 'Attendance')
				.next('dd')
				.text(),
		).toBe('300 participants');
	});

	it('lists a person’s talks and writing', async () => {
		const $ = await loadPage(dist, '/people/ada-lovelace/');
		expect($('#talks').parent().find('a[href="/talks/packaging-with-apk/"]').length).toBe(1);
		expect($('#writing').parent().find('a[href="/recaps/democonf-2024-recap/"]').length).toBe(1);
		expect($('#organised').parent().find('a[href="/events/democonf-2024/"]').length).toBe(1);
	});

	it('renders GFM, Shiki dual themes, heading anchors, a table of contents and MDX components', async () => {
		const $ = await loadPage(dist, '/recaps/democonf-2024-recap/');
		const body = $('[data-pagefind-body]');
		expect(body.find('table th').first().text()).toBe('Day');
		expect(body.find('input[type="checkbox"]').length).toBe(2);
		expect(body.find('del').text()).toBe('missed');
		expect(body.find('a[href="https://democonf.example.org"]').length).toBe(1);
		expect(body.find('section.footnotes, [data-footnotes]').length).toBe(1);
		expect(body.find('pre.astro-code').attr('class')).toMatch(/\bshiki-dark-[0-9a-f]{6}\b/);
		expect(body.find('h2#saturday a.heading-anchor').attr('href')).toBe('#saturday');
		expect(
			$('nav.toc a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual(['#saturday', '#sunday', '#afterwards']);
		expect(
			$('details.toc a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual(['#saturday', '#sunday', '#afterwards']);
		expect(body.find('.talk-card a[href="/talks/packaging-with-apk/"]').length).toBe(1);
		expect(body.find('.callout-tip').text()).toContain('Slides are linked');
	});

	it('sets lang, canonical, Open Graph and a skip link on every page', async () => {
		for (const file of htmlFiles) {
			const $ = load(await readFile(path.join(dist, file), 'utf8'));
			expect($('html').attr('lang'), file).toBe('en');
			expect($('link[rel="canonical"]').attr('href'), file).toMatch(/^https?:\/\//);
			expect($('meta[property="og:title"]').attr('content'), file).toBeTruthy();
			expect($('a.skip-link').attr('href'), file).toBe('#main');
			expect($('main#main').length, file).toBe(1);
		}
	});

	it('ships no JavaScript files to readers: only the small inline scripts of src/client/inline', async () => {
		const scriptFile = new Map(
			inlineScriptFiles().map((file) => [readInlineScript(file), file] as const),
		);
		// The search page, the offline page and My schedule are where the reader asked for them: they bring their own scripts.
		const ownScripts = new Set([
			'search/index.html',
			'offline/index.html',
			'my-schedule/index.html',
		]);
		for (const file of htmlFiles.filter((file) => !ownScripts.has(file))) {
			const $ = load(await readFile(path.join(dist, file), 'utf8'));
			expect($('script[src]').length, file).toBe(0);
			// Pagefind's result templates and JSON-LD are data, not scripts.
			const scripts = $(
				'script:not([type="text/pagefind-template"]):not([type="application/ld+json"])',
			)
				.map((_, script) => scriptFile.get($(script).html()!) ?? 'unknown script')
				.get();
			// Every page: the theme, the service worker registration, the search trigger and the theme toggle.
			const expected = [
				'theme-init.js',
				'register-service-worker.js',
				'search-trigger.js',
				'theme-toggle.js',
			];
			// A timed talk's page: its time in the reader's zone and its star (issue 24, item 4).
			if (file.startsWith('talks/') && $('button[data-star]').length)
				expected.push('zone-toggle.js', 'my-schedule-stars.js');
			// A note's code blocks get a Copy button (issue 24, item 9).
			if (file.startsWith('notes/') && file !== 'notes/index.html') expected.push('code-copy.js');
			// A page with a table of contents marks the section being read.
			if ($('nav[data-toc]').length) expected.push('toc-follow.js');
			// Event pages with a timed programme (every event of this fixture) add the time zone
			// toggle, now and next, and the stars of My schedule.
			if (/^events\/[^/]+\/index\.html$/.test(file))
				expected.push('zone-toggle.js', 'now-next.js', 'my-schedule-stars.js');
			// The room × time grid: its stars and its now-line (issue 24, item 3).
			if (/^events\/[^/]+\/grid\/index\.html$/.test(file))
				expected.push('my-schedule-stars.js', 'grid-now.js');
			expect(scripts, file).toEqual(expected);
			// The header's scripts follow all its tools: the browser may paint where a script
			// stops the parser, and a tool drawn after that paint would push the others aside.
			const tools = $('header.site-header .header-tools');
			expect(tools.find('script:not([type="text/pagefind-template"])').length, file).toBe(0);
			expect(tools.nextAll('script').length, file).toBe(2);
		}
	});

	it('has no broken internal links', async () => {
		const broken: string[] = [];
		for (const file of htmlFiles) {
			const $ = load(await readFile(path.join(dist, file), 'utf8'));
			for (const element of $('a[href^="/"], link[href^="/"]').toArray()) {
				// A query (`/offline/?unit=…`) names a state of the page, not another file.
				const href = $(element).attr('href')!.split(/[?#]/)[0]!;
				const target = href.endsWith('/')
					? path.join(dist, href, 'index.html')
					: path.join(dist, href);
				const exists = await readFile(target).then(
					() => true,
					() => false,
				);
				if (!exists) broken.push(`${file} → ${href}`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('publishes RSS, a sitemap and the Pagefind bundle', async () => {
		const rss = load(await readFile(path.join(dist, 'rss.xml'), 'utf8'), { xml: true });
		expect(
			rss('item > title')
				.map((_, t) => rss(t).text())
				.get(),
		).toEqual(['Build servers', 'DemoConf 2024 recap']);
		expect(await readFile(path.join(dist, 'sitemap-index.xml'), 'utf8')).toContain('sitemap-0.xml');
		const bundle = await readdir(path.join(dist, 'pagefind'));
		expect(bundle).toContain('pagefind.js');
		expect(bundle.some((file) => file.endsWith('.pf_meta'))).toBe(true);
	});

	it('makes a talk field a search facet in the index, the URL and the terminal (the add-a-field recipe, docs/architecture.md)', async () => {
		const $ = await loadPage(dist, '/talks/packaging-with-apk/');
		expect($('meta[data-pagefind-filter="language[content]"]').attr('content')).toBe('English');
		const searchPage = load(await readFile(path.join(dist, 'search/index.html'), 'utf8'));
		expect(searchPage('[data-search-page]').attr('data-facets')).toBe(searchFacetKeys.join(' '));
		expect(searchFacetKeys).toContain('language');
		expect(searchFacetKeys).toContain('topic');
		const index = await openBuiltIndex(dist);
		expect((await index.filters()).language).toEqual({ English: 1 });
		const options = parseSearchArgs(['--language', 'english', '--dist', dist]);
		expect(options).toMatchObject({ filters: { language: ['english'] } });
		const { hits } = await runTerminalSearch(options as TerminalSearchOptions);
		expect(hits.map((hit) => hit.url)).toEqual(['/talks/packaging-with-apk/']);
	});

	it('shows a slides licence, filters by it and exports it where C3VOC schedules allow (a field added by the recipe)', async () => {
		const $ = await loadPage(dist, '/talks/packaging-with-apk/');
		expect($('.facts dt:contains("Slides licence") + dd').text()).toBe('CC-BY-SA-4.0');
		expect($('meta[data-pagefind-filter="slides-licence[content]"]').attr('content')).toBe(
			'CC-BY-SA-4.0',
		);
		expect((await loadPage(dist, '/talks/closing-roundtable/'))('.facts').text()).not.toContain(
			'Slides licence',
		);

		const index = await openBuiltIndex(dist);
		expect((await index.filters())['slides-licence']).toEqual({ 'CC-BY-SA-4.0': 1 });
		const options = parseSearchArgs(['--slides-licence', 'cc-by-sa-40', '--dist', dist]);
		const { hits } = await runTerminalSearch(options as TerminalSearchOptions);
		expect(hits.map((hit) => hit.url)).toEqual(['/talks/packaging-with-apk/']);

		// schedule.json may carry it only in a link's title: its links and events take no other property.
		const json = JSON.parse(
			await readFile(path.join(dist, 'events/democonf-2024/schedule.json'), 'utf8'),
		);
		const validate = vocJsonValidator();
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
		const talks = json.schedule.conference.days.flatMap(
			(day: { rooms: Record<string, { slug: string; links: unknown[] }[]> }) =>
				Object.values(day.rooms).flat(),
		);
		expect(talks.flatMap((talk: { links: unknown[] }) => talk.links)).toContainEqual({
			type: 'slides',
			url: 'https://democonf.example.org/slides/apk.pdf',
			title: 'Slides (licence: CC-BY-SA-4.0)',
		});
		const xmlFile = path.join(dist, 'events/democonf-2024/schedule.xml');
		expect(await readFile(xmlFile, 'utf8')).toContain('>Slides (licence: CC-BY-SA-4.0)</link>');
		expect(await xsdErrors(xmlFile)).toBe('');
	});
});
