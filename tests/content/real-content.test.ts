import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent, type ContentValidation } from '#lib/validation/validate-content.ts';
import type { CollectionName } from '#lib/content/collections.ts';
import { entryTags, type ValidEntry } from '#lib/validation/integrity.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let result: ContentValidation;
const bodies = new Map<ValidEntry, string>();
const entry = (collection: string, id: string): ValidEntry => {
	const found = result.entries.find((e) => e.collection === collection && e.id === id);
	if (!found) throw new Error(`no ${collection}/${id} in content/`);
	return found;
};
const data = (collection: string, id: string) => entry(collection, id).data as Record<string, any>;
/** The Markdown after the front matter. */
const body = (collection: string, id: string) => bodies.get(entry(collection, id))!;
const ids = (refs: { id: string }[] | undefined) => (refs ?? []).map((ref) => ref.id);
const of = <C extends CollectionName>(collection: C) => result.entries.filter((e) => e.collection === collection) as ValidEntry<C>[];
const has = (collection: CollectionName, id: string) => of(collection).some((e) => e.id === id);
/** `## Heading` sections of a body, each with the talk cards it embeds, in order. */
const sections = (text: string) =>
	text.split(/^## /m).slice(1).map((section) => ({
		heading: section.slice(0, section.indexOf('\n')),
		text: section,
		cards: [...section.matchAll(/<TalkCard id="([^"]+)"/g)].map((match) => match[1]!),
	}));

describe('the real content in content/', () => {
	beforeAll(async () => {
		result = await validateContent(root, 'content');
		for (const e of result.entries) {
			const text = await readFile(path.resolve(root, e.file), 'utf8');
			bodies.set(e, text.replace(/^---\n[\s\S]*?\n---\n/, ''));
		}
	});

	describe('holds together, whatever entries are added', () => {
		it('validates without a single problem', () => {
			expect(result.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.field ?? ''}: ${p.message}`)).toEqual([]);
			expect(result.entries.length).toBe(result.fileCount);
		});

		it('gives every talk an event, and people who exist', () => {
			for (const talk of of('talks')) {
				const { event, speakers, moderators } = talk.data as Record<string, any>;
				expect(has('events', event.id), `${talk.id}: event ${event.id}`).toBe(true);
				for (const person of [...ids(speakers), ...ids(moderators)]) expect(has('people', person), `${talk.id}: ${person}`).toBe(true);
			}
		});

		it("embeds a card for each talk a recap covers, in its order, and only talks of the recap's event", () => {
			for (const recap of of('recaps')) {
				const { event, talks } = recap.data as Record<string, any>;
				const cards = [...bodies.get(recap)!.matchAll(/<TalkCard id="([^"]+)"/g)].map((match) => match[1]!);
				expect(cards, recap.id).toEqual(ids(talks));
				for (const id of cards) expect(data('talks', id).event.id, `${recap.id}: ${id}`).toBe(event.id);
			}
		});

		it('gives every person a reason to have a page: a talk, a piece of writing, an event or a text', () => {
			const named = new Set([
				...of('talks').flatMap((t) => [...ids(t.data.speakers), ...ids(t.data.moderators)]),
				...[...of('recaps'), ...of('notes')].flatMap((e) => ids(e.data.author ? [e.data.author] : [])),
				...of('events').flatMap((e) => ids(e.data.organisers)),
			]);
			for (const person of of('people')) {
				expect(named.has(person.id) || bodies.get(person)!.trim().length > 0, person.id).toBe(true);
			}
		});

		it('keeps talk pages about the talk: a recap, organiser or author is mentioned at most once', () => {
			for (const talk of of('talks')) {
				const prose = bodies.get(talk)!.replace(/\]\([^)]*\)/g, ']');
				const mentions = prose.match(/\b(recap|organiser|author)s?\b/gi) ?? [];
				expect(mentions.length, `${talk.id}: ${mentions.join(', ')}`).toBeLessThanOrEqual(1);
			}
		});

		it('spells every tag one way, and writes a subject with a topic as that topic, never as a tag', () => {
			const tags = new Set(result.entries.flatMap(entryTags));
			expect(tags.has('container')).toBe(false);
			expect(tags.has('containers')).toBe(false);
			expect(ids(data('talks', 'podman-the-powerful-container-multi-tool').topics)).toEqual(['containers', 'podman', 'kubernetes']);
		});
	});

	describe('keeps the facts of its sources', () => {
		it('keeps AlpineConf 2021 as its organiser described it', () => {
			const event = data('events', 'alpineconf-2021');
			expect(event).toMatchObject({ start: '2021-05-15', end: '2021-05-16', format: 'virtual' });
			expect(event.timezone).toBeUndefined();
			// "over 700 participants came and went"; "nearly 100 active participants", which is not a peak it measured.
			expect(event.attendance).toEqual({ total: 700, totalQualifier: 'over', note: expect.stringContaining('nearly 100 active participants') });
			// "both days have mostly full recordings on the Alpine website", and no address.
			expect(event.recordings).toEqual({ coverage: 'both days, mostly in full', where: 'the Alpine website' });
			// Only that recap describes the programme: the page says what it lacks, calmly.
			expect(body('events', 'alpineconf-2021')).toMatch(/only source for the programme[^.]*without start times, rooms or links to individual recordings/);
			// "Kevin Daudt for helping push the buttons and keeping things going".
			for (const [collection, id] of [['events', 'alpineconf-2021'], ['people', 'kevin-daudt'], ['recaps', 'alpineconf-2021-recap']] as const) {
				expect(body(collection, id), id).toMatch(/helped push the buttons and kept things going/);
				expect(body(collection, id), id).not.toMatch(/controls/);
			}
			expect(ids(event.organisers)).toEqual(['ariadne-conill']);
			// No source calls the conference free; the one time it names is the cancelled 15:00 slot.
			expect(`${event.summary}\n${body('events', 'alpineconf-2021')}`).not.toMatch(/\bfree\b/i);
			expect(body('events', 'alpineconf-2021')).toContain('15:00');

			expect(data('people', 'natanael-copa').handles).toEqual(['@ncopa']);
			expect(ids(data('talks', 'sxmo-simple-x-mobile').speakers)).toEqual(['maarten-van-gompel', 'anjandev-momi', 'miles-alan']);
			expect(ids(data('talks', 'binarybuilder-jl').speakers)).toEqual(['elliot-saba', 'mose-giordano']);
			expect(data('people', 'mose-giordano').name).toBe('Mosè Giordano');
			expect(of('talks').filter((t) => (t.data.event as { id: string }).id === 'alpineconf-2021' && t.data.start)).toEqual([]);
			expect(data('talks', 'security-tracker-demo-and-security-team-qa').duration).toBe(90);
			expect(data('talks', 'governance-event').day).toBe('2021-05-16');
			expect(data('talks', 'the-beauty-of-simplicity').day).toBe('2021-05-15');
			for (const id of ['alpine-miniconf-2021', 'alpineconf-2022']) {
				expect(data('events', id).status).toBe('announced');
				expect(data('events', id).start).toBeUndefined();
			}
			expect(data('events', 'alpine-miniconf-2021').month).toBe('2021-11');
			expect(data('events', 'alpineconf-2022').month).toBe('2022-05');
		});

		it('names the people the AlpineConf sources name, in the roles they give, and no one they do not', () => {
			// Ariadne ran the musl roundtable ("I should have found somebody else to run the discussion").
			const musl = data('talks', 'alpine-and-the-larger-musl-ecosystem');
			expect(ids(musl.moderators)).toEqual(['ariadne-conill']);
			expect(ids(musl.speakers)).toEqual([]);
			// The recap names nobody for these three; their pages say so instead of guessing.
			for (const id of ['future-of-alpine-linux-community-chats', 'alpineconf-2-0-planning-discussion', 'alpine-cloud-team-talk-and-qa']) {
				expect([...ids(data('talks', id).speakers), ...ids(data('talks', id).moderators)], id).toEqual([]);
				expect(body('talks', id), id).toMatch(/The hub's sources do not say who led/);
			}
			expect(data('people', 'carlo-landmeter').name).toBe('Carlo Landmeter');
			expect(data('people', 'kevin-daudt').name).toBe('Kevin Daudt');
			for (const person of ['carlo-landmeter', 'kevin-daudt']) {
				expect(body('talks', 'governance-event')).toContain(`(/people/${person}/)`);
				expect(body('case-studies', 'alpine-linux-on-linode')).toContain(`(/people/${person}/)`);
			}
		});

		it('tells the EVE windmill story as a demonstration, with audio recorded at the windmills', () => {
			const eve = body('talks', 'taking-alpine-to-the-edge-with-project-eve');
			expect(eve).toMatch(/audio recorded at each windmill/);
			expect(eve).not.toMatch(/turbine/);
			const recap = sections(body('recaps', 'alpineconf-2021-recap')).find((s) => s.cards.includes('taking-alpine-to-the-edge-with-project-eve'))!;
			expect(recap.text).toMatch(/demonstration was a deployment on windmills/);
			expect(recap.text).not.toMatch(/platform[^.]*windmills/);
		});

		it('opens the AlpineConf recap with its outcomes, and glosses only what a source explains', () => {
			const recap = data('recaps', 'alpineconf-2021-recap');
			expect(recap).toMatchObject({ published: '2021-05-18', summarised: true });
			// The sources give the blog (ariadne.space), not the post's address.
			expect(recap.originalUrl).toBeUndefined();
			expect(body('recaps', 'alpineconf-2021-recap')).toContain('ariadne.space');
			expect(recap.author.id).toBe('ariadne-conill');
			expect(ids(recap.talks)[0]).toBe('the-beauty-of-simplicity');
			expect(ids(recap.talks).at(-1)).toBe('governance-event');
			const [outcomes] = sections(body('recaps', 'alpineconf-2021-recap'));
			expect(outcomes!.heading).toBe('What came out of it');
			for (const outcome of ['Alpine Council', 'Core Team', '#musl-distros', 'freenode', 'riscv64', 'Alpine 3.15', '/events/alpine-miniconf-2021/', '/events/alpineconf-2022/']) {
				expect(outcomes!.text).toContain(outcome);
			}
			const text = body('recaps', 'alpineconf-2021-recap');
			expect(text).toMatch(/freenode IRC network[^.]*dispute over who controlled it/);
			// The recap alone says "NSL (RIP)", "bubble talk" and "blahaj", and explains none of them.
			const talkPages = of('talks').map((talk) => bodies.get(talk)!);
			for (const page of [text, ...talkPages]) {
				expect(page).not.toMatch(/Network Services Linux|mascot|soft toy/);
				expect(page).not.toMatch(/informal[^.]*bubble talk|bubble talk[^.]*informal/);
			}
			// Ariadne drew the riscv64 forecast from Roman's update; "proprietary" networks, as Laurent said.
			expect(outcomes!.text).toMatch(/update on the riscv64 port, from which Ariadne judged/);
			for (const page of [text, body('talks', 'future-of-alpine-linux-community-chats')]) expect(page).toMatch(/proprietary IRC networks/);
		});

		it('enriches FOSDEM 2020 talks from the official schedule', () => {
			const event = data('events', 'fosdem-2020');
			expect(event).toMatchObject({ timezone: 'Europe/Brussels', start: '2020-02-01', end: '2020-02-02', city: 'Brussels', country: 'Belgium' });

			const podman = data('talks', 'podman-the-powerful-container-multi-tool');
			expect(podman).toMatchObject({
				title: 'Podman - The Powerful Container Multi-Tool',
				room: 'UD2.208 (Decroly)',
				track: 'Containers',
				day: '2020-02-01',
				start: '10:30',
				duration: 20,
				source: { format: 'frab-xml', id: 10255, url: 'https://fosdem.org/2020/schedule/event/containers_podman/' },
			});
			expect(ids(podman.speakers)).toEqual(['sascha-grunert']);
			expect(podman.links).toContainEqual(expect.objectContaining({ kind: 'slides', url: 'https://github.com/saschagrunert/fosdem20' }));
			expect(podman.recording.sources).toContainEqual(
				expect.objectContaining({ url: 'https://video.fosdem.org/2020/UD2.208/containers_podman.webm', type: 'video/webm' }),
			);

			// The recap misspells these names; the schedule's spelling wins.
			expect(data('people', 'adrian-reber').name).toBe('Adrian Reber');
			expect(data('people', 'martin-schanzenbach').name).toBe('Martin Schanzenbach');
			expect(ids(data('talks', 'container-live-migration').speakers)).toEqual(['adrian-reber']);
			expect(data('talks', 'fixing-the-kubernetes-clusterfuck')).toMatchObject({ room: 'K.1.105 (La Fontaine)', duration: 50 });
			// One speaker in the schedule, so one speaker in the text.
			expect(ids(data('talks', 'management-of-storage-on-openshift').speakers)).toEqual(['ankush-behl']);
			expect(body('talks', 'management-of-storage-on-openshift')).toMatch(/the speaker answered/);
			expect(body('talks', 'management-of-storage-on-openshift')).not.toMatch(/speakers/);
		});

		it('keeps the FOSDEM recap anonymous, undated and grouped by devroom', () => {
			const recap = data('recaps', 'fosdem-2020-my-main-takeaways');
			expect(recap.author).toBeUndefined();
			expect(recap.published).toBeUndefined();
			expect(recap.summarised).toBe(true);
			// The source's tags, those naming a topic written as topics (docs/architecture.md, "Tags and topics").
			expect([...recap.tags].sort()).toEqual(['decentralized', 'docker', 'fosdem', 'p2p', 'security']);
			expect(ids(recap.topics).sort()).toEqual(['containers', 'kubernetes', 'matrix', 'podman']);
			const text = body('recaps', 'fosdem-2020-my-main-takeaways');
			expect(text).not.toMatch(/names no author/);
			const [takeaways, ...rooms] = sections(text);
			expect(takeaways!.heading).toBe('Takeaways');
			expect(takeaways!.cards).toEqual([]);
			// Each section holds one track's talks, and each track has one section.
			const tracks = rooms.map((room) => [...new Set(room.cards.map((id) => data('talks', id).track))]);
			for (const [index, trackList] of tracks.entries()) expect(trackList, rooms[index]!.heading).toHaveLength(1);
			expect(new Set(tracks.flat()).size).toBe(rooms.length);
		});

		it('corrects what the first edit got wrong about FOSDEM 2020', () => {
			// The sudo talk at 18:00, not the e2e talk at 17:30, ended the recap's Saturday.
			const saturday = ids(data('recaps', 'fosdem-2020-my-main-takeaways').talks)
				.map((id) => data('talks', id))
				.filter((talk) => talk.day === '2020-02-01');
			const last = saturday.reduce((a, b) => (a.start > b.start ? a : b));
			expect(last.title).toBe('What you most likely did not know about sudo…');
			expect(body('talks', 'e2e-encryption-in-instant-messaging')).not.toMatch(/last talk/i);
			expect(body('talks', 'what-you-did-not-know-about-sudo')).toMatch(/last talk of Saturday/);
			// "pair programming/engineering", never "pair administration".
			for (const [collection, id] of [['talks', 'what-you-did-not-know-about-sudo'], ['recaps', 'fosdem-2020-my-main-takeaways']] as const) {
				expect(body(collection, id)).toMatch(/sudo used for pair programming and pair engineering/);
				expect(body(collection, id)).not.toMatch(/administration/);
			}
			// The talk page and the recap agree with the source: "19 attended FOSDEM and counting".
			expect(body('talks', 'fosdem-at-20-a-celebration')).toMatch(/19 FOSDEMs attended, "and counting"/);
			expect(body('recaps', 'fosdem-2020-my-main-takeaways')).toMatch(/19 FOSDEMs attended and counting/);
		});

		it('keeps the case studies to what their sources say, with sources and an "as of"', () => {
			const equinix = body('case-studies', 'alpine-linux-on-equinix-metal');
			for (const fact of ['something like half', 'free of charge', 'about fifteen years', 'Docker appeared in 2013', 'about a decade after']) {
				expect(equinix).toContain(fact);
			}
			expect(equinix).not.toMatch(/donat|large share/i);
			expect(body('sponsors', 'equinix-metal')).not.toMatch(/donat|lends/i);
			expect(body('case-studies', 'alpine-linux-on-linode')).not.toMatch(/production/);
			for (const id of ['alpine-linux-on-equinix-metal', 'alpine-linux-on-linode']) {
				expect(data('case-studies', id).asOf, id).toMatch(/undated/);
				expect(data('case-studies', id).sources, id).toEqual([expect.objectContaining({ title: expect.any(String) })]);
			}
			expect(data('case-studies', 'alpine-linux-on-linode').asOf).toMatch(/3\.8/);
			expect(data('case-studies', 'alpine-linux-on-equinix-metal').asOf).toMatch(/2013/);
		});

		it('credits the Pine note to its author, with its date as written', () => {
			const pine = data('notes', 'pine-ostree-alpine');
			expect(pine.author.id).toBe('untoreh');
			expect(pine.published).toBeUndefined();
			expect(pine.publishedAmbiguous).toEqual({ asWritten: '4/5/21', readings: ['2021-04-05', '2021-05-04'] });
			expect(ids(pine.relatedTalks)).toContain('immutable-deployments');
			const text = body('notes', 'pine-ostree-alpine');
			expect(text).toMatch(/a glibc compatibility package[^.]*supplies some libraries built against glibc/);
			expect(text).toMatch(/how templates for \[OpenVZ\]\[OVZ\] or \[LXC\] get configured/);
			expect(`${pine.title} ${pine.summary}`).toContain('OSTree');
		});

		// "Eight architectures, seven named" has a test of its own: architectures.test.ts.
		it('ties the build infrastructure note to the talk and the case studies it draws on', () => {
			const build = data('notes', 'alpine-build-infrastructure');
			expect(ids(build.relatedTalks)).toContain('alpine-building-infrastructure-update');
			expect(ids(build.relatedCaseStudies).sort()).toEqual(['alpine-linux-on-equinix-metal', 'alpine-linux-on-linode']);
			expect(`${build.summary}\n${body('notes', 'alpine-build-infrastructure')}`).not.toMatch(/donat/i);
		});

		it('links sponsors to their case studies', () => {
			expect(data('sponsors', 'equinix-metal').programmes).toContainEqual(expect.objectContaining({ since: 2017 }));
			expect(data('case-studies', 'alpine-linux-on-equinix-metal').sponsor.id).toBe('equinix-metal');
			expect(data('case-studies', 'alpine-linux-on-linode').sponsor.id).toBe('linode');
		});
	});
});
