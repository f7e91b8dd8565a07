import { describe, expect, it } from 'vitest';
import { createCacheKeys } from '../../src/lib/cache-keys';
import { buildHubIndex, type HubCollections } from '../../src/lib/hub-index';

const ref = <C extends string>(collection: C, id: string) => ({ collection, id });
type Raw = { collection: string; id: string; data: Record<string, unknown>; digest: string; filePath?: string };
const entry = (collection: string, id: string, data: Record<string, unknown>, filePath = `content/${collection}/${id}.md`): Raw => ({
	collection,
	id,
	data,
	digest: `${id}-v1`,
	filePath,
});

function collections(): Record<string, Raw[]> {
	return {
		events: [
			entry('events', 'conf', {
				title: 'Conf',
				start: '2024-03-09',
				timezone: 'Europe/Brussels',
				organisers: [ref('people', 'ada')],
				sponsors: [ref('sponsors', 'acme')],
				tags: [],
			}),
		],
		talks: [
			entry('talks', 'apk', {
				title: 'apk',
				event: ref('events', 'conf'),
				speakers: [ref('people', 'ada'), ref('people', 'bob')],
				moderators: [],
				tags: ['packaging'],
			}),
			entry('talks', 'solo', { title: 'Solo', event: ref('events', 'conf'), speakers: [ref('people', 'cy')], moderators: [], tags: [] }),
		],
		people: [entry('people', 'ada', { name: 'Ada' }), entry('people', 'bob', { name: 'Bob' }), entry('people', 'cy', { name: 'Cy' })],
		recaps: [entry('recaps', 'recap', { title: 'Recap', event: ref('events', 'conf'), talks: [ref('talks', 'apk')], tags: [] }, 'content/recaps/recap.mdx')],
		notes: [entry('notes', 'note', { title: 'Note', relatedTalks: [ref('talks', 'apk')], relatedNotes: [], relatedCaseStudies: [], tags: ['packaging'] })],
		sponsors: [entry('sponsors', 'acme', { name: 'Acme' })],
		'case-studies': [],
	};
}

/** Every page's key, by URL-like name. */
function keysOf(raw: Record<string, Raw[]>, lastUpdated: Record<string, string> = {}): Map<string, string | undefined> {
	const hub = buildHubIndex(raw as unknown as HubCollections);
	const keys = createCacheKeys(hub, { lastUpdated: (item) => lastUpdated[item.id] });
	const pages = new Map<string, string | undefined>();
	for (const item of [...hub.events, ...hub.talks, ...hub.people, ...hub.recaps, ...hub.notes, ...hub.sponsors]) {
		pages.set(`${item.collection}/${item.id}`, keys.entry(item));
	}
	for (const [tag, entries] of hub.tags) pages.set(`tags/${tag}`, keys.tag(entries));
	for (const event of hub.events) pages.set(`events/${event.id}/schedule`, keys.schedule(event, hub.talksOf(event.id)));
	for (const talk of hub.talks) pages.set(`talks/${talk.id}/talk.ics`, keys.schedule(hub.get(talk.data.event), [talk]));
	for (const event of hub.events) pages.set(`events/${event.id}/grid`, keys.programme(event));
	for (const series of hub.series.all) {
		pages.set(`series/${series.id}`, keys.series(series));
		for (const track of series.tracks) pages.set(`series/${series.id}/tracks/${track.id}`, keys.series(series, track));
	}
	return pages;
}

/** The pages whose keys differ between two versions of the hub. */
function changed(edit: (raw: Record<string, Raw[]>) => void, lastUpdated: Record<string, string> = {}): string[] {
	const before = keysOf(collections());
	const raw = collections();
	edit(raw);
	const after = keysOf(raw, lastUpdated);
	return [...after]
		.filter(([page, key]) => key !== before.get(page))
		.map(([page]) => page)
		.sort();
}

/** The hub with a second edition of Conf, in one series, each edition with a Containers track. */
function seriesCollections(): Record<string, Raw[]> {
	const raw = collections();
	for (const event of raw.events!) event.data.series = 'Conf';
	raw.events!.push(
		entry('events', 'conf-2025', {
			title: 'Conf 2025',
			series: 'Conf',
			start: '2025-03-08',
			timezone: 'Europe/Brussels',
			organisers: [],
			sponsors: [],
			tags: [],
		}),
	);
	raw.talks!.push(
		entry('talks', 'pods', {
			title: 'Pods',
			event: ref('events', 'conf-2025'),
			speakers: [ref('people', 'cy')],
			moderators: [],
			track: 'Containers',
			tags: [],
		}),
	);
	find(raw, 'talks', 'solo').data.track = 'Containers';
	return raw;
}

const find = (raw: Record<string, Raw[]>, collection: string, id: string) => raw[collection]!.find((item) => item.id === id)!;

describe('cache keys', () => {
	it('are stable when nothing changes', () => {
		expect(changed(() => {})).toEqual([]);
	});

	it('give MDX pages no key, so they are always rendered', () => {
		expect(keysOf(collections()).get('recaps/recap')).toBeUndefined();
	});

	it('change only the talk page and its calendars when a talk body changes', () => {
		expect(changed((raw) => (find(raw, 'talks', 'apk').digest = 'apk-v2'))).toEqual(['events/conf/schedule', 'talks/apk', 'talks/apk/talk.ics']);
	});

	it('change the programme views and the series pages that show a talk, and the other edition’s page', () => {
		const pages = changed((raw) => {
			for (const event of raw.events!) event.data.series = 'Conf';
			raw.events!.push(entry('events', 'conf-2025', { title: 'Conf 2025', series: 'Conf', start: '2025-03-08', organisers: [], sponsors: [], tags: [] }));
		});
		expect(pages).toEqual(expect.arrayContaining(['events/conf', 'events/conf-2025', 'events/conf/grid', 'series/conf']));
		const before = keysOf(seriesCollections());
		const raw = seriesCollections();
		find(raw, 'talks', 'solo').data.track = 'Containers devroom';
		const after = keysOf(raw);
		const differ = [...after].filter(([page, key]) => key !== before.get(page)).map(([page]) => page);
		expect(differ).toEqual(expect.arrayContaining(['events/conf/grid', 'series/conf', 'talks/solo', 'people/cy']));
		expect(differ).not.toContain('events/conf-2025/grid');
	});

	it('change every page that shows a talk when its title changes', () => {
		const pages = changed((raw) => (find(raw, 'talks', 'apk').data.title = 'apk, revised'));
		expect(pages).toEqual([
			'events/conf',
			'events/conf/grid',
			'events/conf/schedule',
			'notes/note',
			'people/ada',
			'people/bob',
			'tags/packaging',
			'talks/apk',
			'talks/apk/talk.ics',
		]);
	});

	it('change only the person page when a biography changes', () => {
		expect(changed((raw) => (find(raw, 'people', 'cy').digest = 'cy-v2'))).toEqual(['people/cy']);
	});

	it('change the pages that name a person when the name changes', () => {
		const pages = changed((raw) => (find(raw, 'people', 'bob').data.name = 'Robert'));
		// Ada's page lists the talk she gave with Bob, and its card names him.
		expect(pages).toEqual([
			'events/conf',
			'events/conf/grid',
			'events/conf/schedule',
			'notes/note',
			'people/ada',
			'people/bob',
			'tags/packaging',
			'talks/apk',
			'talks/apk/talk.ics',
		]);
	});

	it('change the event’s talks, organisers and sponsors when the event’s title changes', () => {
		const pages = changed((raw) => (find(raw, 'events', 'conf').data.title = 'Conf 2024'));
		expect(pages).toEqual([
			'events/conf',
			'events/conf/grid',
			'events/conf/schedule',
			'notes/note',
			'people/ada',
			'people/bob',
			'people/cy',
			'sponsors/acme',
			'tags/packaging',
			'talks/apk',
			'talks/apk/talk.ics',
			'talks/solo',
			'talks/solo/talk.ics',
		]);
	});

	it('change a page when git dates its file anew', () => {
		expect(changed(() => {}, { solo: '2026-01-02' })).toEqual(['talks/solo']);
	});

	it('change a tag page when an entry gains the tag', () => {
		expect(changed((raw) => (find(raw, 'talks', 'solo').data.tags = ['packaging']))).toContain('tags/packaging');
	});

	it('refuse an entry without a content digest rather than key it by nothing', () => {
		const raw = collections();
		find(raw, 'talks', 'solo').digest = '';
		expect(() => keysOf(raw)).toThrow(/talks\/solo has no content digest/);
	});
});
