import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent, type ContentValidation } from '../../src/lib/validation/validate-content';
import type { CollectionName } from '../../src/lib/collections';
import { entryTags, type ValidEntry } from '../../src/lib/validation/integrity';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let result: ContentValidation;
const entry = (collection: string, id: string): ValidEntry => {
	const found = result.entries.find((e) => e.collection === collection && e.id === id);
	if (!found) throw new Error(`no ${collection}/${id} in content/`);
	return found;
};
const data = (collection: string, id: string) => entry(collection, id).data as Record<string, any>;
const ids = (refs: { id: string }[] | undefined) => (refs ?? []).map((ref) => ref.id);
const of = <C extends CollectionName>(collection: C) => result.entries.filter((e) => e.collection === collection) as ValidEntry<C>[];
const talksOf = (eventId: string) => of('talks').filter((t) => t.data.event.id === eventId);

describe('the real content in content/', () => {
	beforeAll(async () => {
		result = await validateContent(root, 'content');
	});

	it('validates without a single problem', () => {
		expect(result.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.field ?? ''}: ${p.message}`)).toEqual([]);
		expect(result.entries.length).toBe(result.fileCount);
	});

	it('has the expected number of entries per collection and per event', () => {
		expect(of('events').map((e) => e.id).sort()).toEqual([
			'alpine-miniconf-2021',
			'alpineconf-2021',
			'alpineconf-2022',
			'fosdem-2020',
		]);
		expect(talksOf('alpineconf-2021')).toHaveLength(20);
		expect(talksOf('fosdem-2020')).toHaveLength(27);
		expect(of('talks')).toHaveLength(47);
		expect(of('people')).toHaveLength(40);
		expect(of('recaps')).toHaveLength(2);
		expect(of('notes')).toHaveLength(2);
		expect(of('sponsors').map((e) => e.id).sort()).toEqual(['equinix-metal', 'linode']);
		expect(of('case-studies')).toHaveLength(2);
	});

	it('keeps AlpineConf 2021 facts from the recap', () => {
		const event = data('events', 'alpineconf-2021');
		expect(event.start).toBe('2021-05-15');
		expect(event.end).toBe('2021-05-16');
		expect(event.format).toBe('virtual');
		expect(event.timezone).toBeUndefined();
		expect(event.attendance).toMatchObject({ total: 700, peakConcurrent: 100 });
		expect(ids(event.organisers)).toEqual(['ariadne-conill']);
		expect(data('people', 'natanael-copa').handles).toEqual(['@ncopa']);
		expect(ids(data('talks', 'sxmo-simple-x-mobile').speakers)).toEqual([
			'maarten-van-gompel',
			'anjandev-momi',
			'miles-alan',
		]);
		expect(ids(data('talks', 'binarybuilder-jl').speakers)).toEqual(['elliot-saba', 'mose-giordano']);
		expect(data('people', 'mose-giordano').name).toBe('Mosè Giordano');
		// The recap gives no start times, and the security session ran for an hour and a half.
		expect(talksOf('alpineconf-2021').filter((t) => t.data.start)).toEqual([]);
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

	it('lists every AlpineConf talk in its recap, in programme order, from first to last', () => {
		const recap = data('recaps', 'alpineconf-2021-recap');
		expect(ids(recap.author ? [recap.author] : [])).toEqual(['ariadne-conill']);
		expect(recap.published).toBe('2021-05-18');
		expect(ids(recap.talks).sort()).toEqual(talksOf('alpineconf-2021').map((t) => t.id).sort());
		expect(ids(recap.talks)[0]).toBe('the-beauty-of-simplicity');
		expect(ids(recap.talks).at(-1)).toBe('governance-event');
	});

	it('enriches FOSDEM 2020 talks from the official schedule', () => {
		const event = data('events', 'fosdem-2020');
		expect(event.timezone).toBe('Europe/Brussels');
		expect(event).toMatchObject({ start: '2020-02-01', end: '2020-02-02', city: 'Brussels', country: 'Belgium' });

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
	});

	it('keeps the FOSDEM recap anonymous and undated, as its source is', () => {
		const recap = data('recaps', 'fosdem-2020-my-main-takeaways');
		expect(recap.author).toBeUndefined();
		expect(recap.published).toBeUndefined();
		expect([...recap.tags].sort()).toEqual(['containers', 'decentralized', 'docker', 'fosdem', 'kubernetes', 'p2p', 'security']);
		expect(ids(recap.talks).sort()).toEqual(talksOf('fosdem-2020').map((t) => t.id).sort());
	});

	it('links notes, sponsors and case studies to what they draw on', () => {
		expect(data('sponsors', 'equinix-metal').programmes).toContainEqual(expect.objectContaining({ since: 2017 }));
		const pine = data('notes', 'pine-ostree-alpine');
		expect(`${pine.title} ${pine.summary}`).toContain('OSTree');
		expect(pine.tags).toContain('ostree');
		const build = data('notes', 'alpine-build-infrastructure');
		expect(ids(build.relatedTalks)).toContain('alpine-building-infrastructure-update');
		expect(ids(build.relatedCaseStudies).sort()).toEqual(['alpine-linux-on-equinix-metal', 'alpine-linux-on-linode']);
		expect(data('case-studies', 'alpine-linux-on-equinix-metal').sponsor.id).toBe('equinix-metal');
		expect(data('case-studies', 'alpine-linux-on-linode').sponsor.id).toBe('linode');
	});

	it('spells every tag one way', () => {
		const tags = new Set(result.entries.flatMap(entryTags));
		expect(tags.has('container')).toBe(false);
		expect(tags.has('containers')).toBe(true);
	});
});
