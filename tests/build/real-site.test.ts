import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

const { dist, log: buildLog } = await builtSite('site');
const entryIds = async (collection: string) =>
	(await readdir(path.join('content', collection)))
		.map((file) => file.replace(/\.mdx?$/, ''))
		.sort();

describe('the real hub', () => {
	it('builds with a short log that says what matters: no warning, no line per page, no doubled slash', async () => {
		expect(buildLog).toMatch(/\d+ content files valid/);
		expect(buildLog).toMatch(/Pagefind indexed \d+ pages in /);
		expect(buildLog).toMatch(/\d+ page\(s\) built in /);
		expect(buildLog).not.toContain('[WARN]');
		expect(buildLog).not.toMatch(/[├└]─/);
		// Paths are joined, not concatenated (`dist//pagefind`); URLs keep their `://`.
		expect(buildLog.replaceAll('://', '')).not.toContain('//');
		expect(buildLog.trim().split('\n').length).toBeLessThan(40);
	});

	it('colours code with classes, so the CSP allows no inline style', async () => {
		for (const page of ['/recaps/fosdem-2020-my-main-takeaways/', '/notes/pine-ostree-alpine/']) {
			const $ = await loadPage(dist, page);
			expect($('pre.astro-code').attr('class'), page).toMatch(/\bshiki-light-\w+ shiki-dark-\w+/);
			expect($('[style]').length, page).toBe(0);
		}
		const $ = await loadPage(dist, '/recaps/fosdem-2020-my-main-takeaways/');
		expect($('pre.astro-code span[class*="shiki-light-"]').length).toBeGreaterThan(0);
		const policy = $('meta[http-equiv="content-security-policy"]').attr('content')!;
		expect(policy).not.toContain('unsafe-inline');
		expect(policy).not.toContain('style-src-attr');
	});

	it('has a page for every talk and every person, linked both ways', async () => {
		for (const id of await entryIds('talks')) {
			const $ = await loadPage(dist, `/talks/${id}/`);
			const event = $('.facts a[href^="/events/"]');
			expect(event.length, id).toBe(1);
			for (const href of $('.facts a[href^="/people/"]')
				.map((_, a) => $(a).attr('href'))
				.get()) {
				const person = await loadPage(dist, href);
				expect(
					person(`section[aria-labelledby="talks"] a[href="/talks/${id}/"]`).length,
					`${href} lists ${id}`,
				).toBeGreaterThan(0);
			}
		}
		for (const id of await entryIds('people')) {
			const $ = await loadPage(dist, `/people/${id}/`);
			expect($('h1').text(), id).toBeTruthy();
		}
	});

	it('lists every event and person on the index pages, and every talk in its event programme', async () => {
		const events = await loadPage(dist, '/events/');
		for (const id of await entryIds('events'))
			expect(events(`main a[href="/events/${id}/"]`).length, id).toBeGreaterThan(0);
		const people = await loadPage(dist, '/people/');
		for (const id of await entryIds('people'))
			expect(people(`main a[href="/people/${id}/"]`).length, id).toBeGreaterThan(0);
		const programmes = new Map<string, Set<string>>();
		for (const id of await entryIds('talks')) {
			const event = (await loadPage(dist, `/talks/${id}/`))('.facts a[href^="/events/"]').attr(
				'href',
			)!;
			if (!programmes.has(event)) {
				const $ = await loadPage(dist, event);
				programmes.set(
					event,
					new Set(
						$('.programme a.talk-link')
							.map((_, a) => $(a).attr('href'))
							.get(),
					),
				);
			}
			expect(programmes.get(event), `${event} lists ${id}`).toContain(`/talks/${id}/`);
		}
	});

	it('shows the facts of AlpineConf 2021 and the events it announced', async () => {
		const $ = await loadPage(dist, '/events/alpineconf-2021/');
		// The source's own qualifiers, and recordings placed where it places them, without an invented link.
		expect($('.facts').text()).toContain(
			'over 700 participants; the BigBlueButton server performed well with nearly 100 active participants',
		);
		expect($('.facts').text()).toContain('Both days, mostly in full, on the Alpine website');
		expect($('.facts a[href]').text()).not.toContain('Alpine website');
		expect($('.facts').text()).toContain('BigBlueButton');
		expect($('[data-pagefind-body]').text()).toMatch(/privacy extensions/);
		expect($('[data-pagefind-body]').text()).toMatch(/US\/Pacific/);
		// The recap gives no rooms or times: the programme is a plain list per day.
		const programme = $('.programme');
		expect(programme.find('[data-slot]').length).toBeGreaterThan(0);
		expect(programme.text()).not.toMatch(/Time not set|Room not recorded/);
		const miniconf = await loadPage(dist, '/events/alpine-miniconf-2021/');
		// Built after November 2021: the announcement is all the hub knows, and it says so.
		expect(miniconf('.facts').text()).toContain('planned for November 2021');
		expect(miniconf('.entry-kind').text()).toBe('Announced event; its date has passed');
	});

	it('shows an enriched FOSDEM talk with its zoned time, room, speaker and links', async () => {
		const $ = await loadPage(dist, '/talks/podman-the-powerful-container-multi-tool/');
		expect($('h1').text()).toBe('Podman - The Powerful Container Multi-Tool');
		expect($('time[datetime="2020-02-01T10:30:00+01:00"]').text()).toBe('10:30–10:50');
		expect($('.facts').text()).toContain('UD2.208 (Decroly)');
		expect($('.facts a[href="/people/sascha-grunert/"]').text()).toBe('Sascha Grunert');
		expect($('a[href="https://fosdem.org/2020/schedule/event/containers_podman/"]').length).toBe(1);
		expect($('.discussed-in a[href^="/recaps/"]').length).toBe(1);
	});

	it('embeds a card for every talk a recap covers, and credits summarised posts to their authors', async () => {
		for (const id of await entryIds('recaps')) {
			const $ = await loadPage(dist, `/recaps/${id}/`);
			const cards = $('[data-pagefind-body] .talk-card .talk-title a')
				.map((_, a) => $(a).attr('href'))
				.get();
			const covered = $('.related a[href^="/talks/"]')
				.map((_, a) => $(a).attr('href'))
				.get();
			expect(cards.length, id).toBeGreaterThan(0);
			expect(cards, id).toEqual(covered);
		}
		const alpineconf = await loadPage(dist, '/recaps/alpineconf-2021-recap/');
		expect(alpineconf('.facts').text()).toMatch(/Summarised from\s*a post by Ariadne Conill/);
		// The sources name the blog, not the post's address: no "First published" link to guess at.
		expect(alpineconf('.facts').text()).not.toContain('First published');
		expect(alpineconf('[data-pagefind-body]').text()).toContain('ariadne.space');
		const fosdem = await loadPage(dist, '/recaps/fosdem-2020-my-main-takeaways/');
		expect(fosdem('.facts').text()).toMatch(/Summarised from\s*a post that names no author/);
		const person = await loadPage(dist, '/people/natanael-copa/');
		expect(person('.facts').text()).toContain('@ncopa');
	});

	it('shows the moderator of a roundtable, and lists it on her page', async () => {
		const $ = await loadPage(dist, '/talks/alpine-and-the-larger-musl-ecosystem/');
		expect($('.facts').text()).toMatch(/Moderator\s*Ariadne Conill/);
		const ariadne = await loadPage(dist, '/people/ariadne-conill/');
		expect(
			ariadne(
				'section[aria-labelledby="talks"] h4 a[href="/talks/alpine-and-the-larger-musl-ecosystem/"]',
			).length,
		).toBe(1);
		expect(
			ariadne('a[href="/talks/alpine-and-the-larger-musl-ecosystem/"]')
				.closest('.talk-summary')
				.text(),
		).toMatch(/moderated by\s*Ariadne Conill/);
		const governance = await loadPage(dist, '/talks/governance-event/');
		for (const person of ['carlo-landmeter', 'kevin-daudt']) {
			expect(governance(`[data-pagefind-body] a[href="/people/${person}/"]`).length, person).toBe(
				1,
			);
			expect((await loadPage(dist, `/people/${person}/`))('h1').text()).toBeTruthy();
		}
	});

	it('renders the notes and case studies with their links to talks and sponsors', async () => {
		const pine = await loadPage(dist, '/notes/pine-ostree-alpine/');
		expect(pine('h1').text()).toMatch(/OSTree/);
		expect(pine('[data-pagefind-body] table').length).toBeGreaterThan(0);
		const equinix = await loadPage(dist, '/case-studies/alpine-linux-on-equinix-metal/');
		expect(equinix('.facts a[href="/sponsors/equinix-metal/"]').length).toBe(1);
		expect(equinix('[data-pagefind-body]').text()).toMatch(/bare metal/i);
		const sponsor = await loadPage(dist, '/sponsors/equinix-metal/');
		expect(sponsor('.facts').text()).toMatch(/Open Source Partner Program.*since 2017/);
		expect(pine('.facts').text()).toMatch(/Author\s*untoreh/);
		expect(pine('.facts').text()).toMatch(
			/5 April 2021\s*or\s*4 May 2021\s*\(the source's date can be read either way\)/,
		);
		expect(pine('.facts').text()).not.toContain('4/5/21');
		expect(pine('.related a[href="/talks/immutable-deployments/"]').length).toBe(1);
		expect(equinix('.facts').text()).toMatch(
			/As of\s*About ten years after Docker's arrival in 2013/,
		);
		// A source without a known address is listed, not linked.
		const sources = equinix('#sources + ul li');
		expect(sources.text()).toBe(
			'How a Lightweight Linux Distro Meets Heavyweight Build Challenges With Equinix Metal',
		);
		expect(sources.find('a').length).toBe(0);
		const builds = await loadPage(dist, '/notes/alpine-build-infrastructure/');
		expect(builds('.related a[href="/talks/alpine-building-infrastructure-update/"]').length).toBe(
			1,
		);
	});
});
