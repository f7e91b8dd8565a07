import { describe, expect, it } from 'vitest';
import { createCacheKeys } from '#lib/hub/cache-keys.ts';
import type { CollectionName } from '#lib/content/collections.ts';
import { buildHubIndex, type Entry, type HubCollections } from '#lib/hub/hub-index.ts';
import { createTopicMatcher, topicRules } from '#lib/hub/topic-matching.ts';
import { entry as contentEntry, ref, type FrontMatter } from '../../helpers/entries';

/** An entry as read from `content/<collection>/<id>.md`, at its first version. */
const entry = <C extends CollectionName>(
	collection: C,
	id: string,
	frontMatter: FrontMatter<C>,
	filePath = `content/${collection}/${id}.md`,
) => contentEntry(collection, id, frontMatter, { digest: `${id}-v1`, filePath });

function collections(): HubCollections {
	return {
		events: [
			entry('events', 'conf', {
				title: 'Conf',
				start: '2024-03-09',
				end: '2024-03-10',
				timezone: 'Europe/Brussels',
				organisers: ['ada'],
				sponsors: ['acme'],
				tags: [],
			}),
		],
		talks: [
			entry('talks', 'apk', {
				title: 'apk',
				event: 'conf',
				speakers: ['ada', 'bob'],
				moderators: [],
				tags: ['packaging'],
			}),
			entry('talks', 'solo', {
				title: 'Solo',
				event: 'conf',
				speakers: ['cy'],
				moderators: [],
				tags: [],
			}),
		],
		people: [
			entry('people', 'ada', { name: 'Ada' }),
			entry('people', 'bob', { name: 'Bob' }),
			entry('people', 'cy', { name: 'Cy' }),
		],
		recaps: [
			entry(
				'recaps',
				'recap',
				{ title: 'Recap', event: 'conf', talks: ['apk'], tags: [] },
				'content/recaps/recap.mdx',
			),
		],
		notes: [
			entry('notes', 'note', {
				title: 'Note',
				summary: 's',
				relatedTalks: ['apk'],
				relatedNotes: [],
				relatedCaseStudies: [],
				tags: ['packaging'],
			}),
		],
		sponsors: [entry('sponsors', 'acme', { name: 'Acme' })],
		topics: [
			entry('topics', 'apk-tools', {
				name: 'apk-tools',
				summary: 'The package manager.',
				aliases: [],
				match: { terms: ['apk'], exclude: [] },
			}),
			entry('topics', 'solo-work', {
				name: 'Solo work',
				summary: 'Alone.',
				aliases: [],
				match: { terms: [], exclude: [] },
			}),
		],
		'case-studies': [],
	};
}

/** Every page's key, by URL-like name. */
function keysOf(
	raw: HubCollections,
	lastUpdated: Record<string, string> = {},
	today = '2026-01-01',
): Map<string, string | undefined> {
	// Talks are matched by their titles, as the build matches their text.
	const matcher = createTopicMatcher(raw.topics.map((topic) => topicRules(topic.id, topic.data)));
	const matchedTopics = new Map(
		raw.talks.map((talk) => [
			talk.id,
			matcher.topicsOf({ id: talk.id, digest: String(talk.digest), text: () => talk.data.title }),
		]),
	);
	const hub = buildHubIndex(raw, { matchedTopics });
	const keys = createCacheKeys(hub, { lastUpdated: (item) => lastUpdated[item.id], today });
	const pages = new Map<string, string | undefined>();
	for (const item of [
		...hub.events,
		...hub.talks,
		...hub.people,
		...hub.recaps,
		...hub.notes,
		...hub.sponsors,
		...hub.topics,
	]) {
		pages.set(`${item.collection}/${item.id}`, keys.entry(item));
	}
	for (const [tag, entries] of hub.tags) pages.set(`tags/${tag}`, keys.tag(entries));
	for (const event of hub.events)
		pages.set(`events/${event.id}/schedule`, keys.schedule(event, hub.talksOf(event.id)));
	for (const talk of hub.talks)
		pages.set(`talks/${talk.id}/talk.ics`, keys.schedule(hub.get(talk.data.event), [talk]));
	for (const event of hub.events) pages.set(`events/${event.id}/grid`, keys.programme(event));
	for (const series of hub.series.all) {
		pages.set(`series/${series.id}`, keys.series(series));
		for (const track of series.tracks)
			pages.set(`series/${series.id}/tracks/${track.id}`, keys.series(series, track));
	}
	return pages;
}

/** The pages whose keys differ between two versions of the hub. */
function changed(
	edit: (raw: HubCollections) => void,
	lastUpdated: Record<string, string> = {},
): string[] {
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
function seriesCollections(): HubCollections {
	const raw = collections();
	for (const event of raw.events!) event.data.series = 'Conf';
	raw.events!.push(
		entry('events', 'conf-2025', {
			title: 'Conf 2025',
			series: 'Conf',
			start: '2025-03-08',
			end: '2025-03-08',
			timezone: 'Europe/Brussels',
			organisers: [],
			sponsors: [],
			tags: [],
		}),
	);
	raw.talks!.push(
		entry('talks', 'pods', {
			title: 'Pods',
			event: 'conf-2025',
			speakers: ['cy'],
			moderators: [],
			track: 'Containers',
			tags: [],
		}),
	);
	find(raw, 'talks', 'solo').data.track = 'Containers';
	return raw;
}

const find = <C extends CollectionName>(raw: HubCollections, collection: C, id: string) =>
	(raw[collection] as Entry<C>[]).find((item) => item.id === id)!;

describe('cache keys', () => {
	it('are stable when nothing changes', () => {
		expect(changed(() => {})).toEqual([]);
	});

	it('give MDX pages no key, so they are always rendered', () => {
		expect(keysOf(collections()).get('recaps/recap')).toBeUndefined();
	});

	it('change only the talk page and its calendars when a talk body changes', () => {
		expect(changed((raw) => (find(raw, 'talks', 'apk').digest = 'apk-v2'))).toEqual([
			'events/conf/schedule',
			'talks/apk',
			'talks/apk/talk.ics',
		]);
	});

	it('change the programme views and the series pages that show a talk, and the other edition’s page', () => {
		const pages = changed((raw) => {
			for (const event of raw.events!) event.data.series = 'Conf';
			raw.events!.push(
				entry('events', 'conf-2025', {
					title: 'Conf 2025',
					series: 'Conf',
					start: '2025-03-08',
					end: '2025-03-08',
					organisers: [],
					sponsors: [],
					tags: [],
				}),
			);
		});
		expect(pages).toEqual(
			expect.arrayContaining([
				'events/conf',
				'events/conf-2025',
				'events/conf/grid',
				'series/conf',
			]),
		);
		const before = keysOf(seriesCollections());
		const raw = seriesCollections();
		find(raw, 'talks', 'solo').data.track = 'Containers devroom';
		const after = keysOf(raw);
		const differ = [...after]
			.filter(([page, key]) => key !== before.get(page))
			.map(([page]) => page);
		expect(differ).toEqual(
			expect.arrayContaining(['events/conf/grid', 'series/conf', 'talks/solo', 'people/cy']),
		);
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
			'topics/apk-tools',
		]);
	});

	it('change only a topic’s own page when its description changes', () => {
		expect(
			changed((raw) => {
				find(raw, 'topics', 'apk-tools').data.summary = 'The Alpine package keeper.';
				find(raw, 'topics', 'apk-tools').digest = 'apk-tools-v2';
			}),
		).toEqual(['topics/apk-tools']);
	});

	it('change a topic’s page and only the talks whose topics changed when its rules change', () => {
		expect(
			changed(
				(raw) => (find(raw, 'topics', 'solo-work').data.match = { terms: ['solo'], exclude: [] }),
			),
		).toEqual(['events/conf/schedule', 'talks/solo', 'talks/solo/talk.ics', 'topics/solo-work']);
		// The same talks matched by other words: no talk page changes.
		expect(
			changed(
				(raw) =>
					(find(raw, 'topics', 'apk-tools').data.match = { terms: ['apk', 'apkv3'], exclude: [] }),
			),
		).toEqual(['topics/apk-tools']);
	});

	it('change the pages that name a topic when it is renamed, and the related topic’s', () => {
		const pages = changed((raw) => {
			find(raw, 'topics', 'solo-work').data.match = { terms: ['apk'], exclude: [] };
		});
		// Schedule exports carry topics too (keywords, categories).
		expect(pages).toEqual([
			'events/conf/schedule',
			'talks/apk',
			'talks/apk/talk.ics',
			'topics/apk-tools',
			'topics/solo-work',
		]);
		const before = keysOf(collections());
		const raw = collections();
		find(raw, 'notes', 'note').data.topics = [ref('topics', 'apk-tools')];
		const named = keysOf(raw);
		find(raw, 'topics', 'apk-tools').data.name = 'apk';
		const renamed = keysOf(raw);
		const differ = [...renamed]
			.filter(([page, key]) => key !== named.get(page))
			.map(([page]) => page);
		// The tag page lists the note's card, whose key covers the topics it names.
		expect(differ.sort()).toEqual([
			'events/conf/schedule',
			'notes/note',
			'tags/packaging',
			'talks/apk',
			'talks/apk/talk.ics',
			'topics/apk-tools',
		]);
		expect(named.get('notes/note')).not.toBe(before.get('notes/note'));
	});

	it('change the person page and the pages of their talks, which open the biography, when it changes', () => {
		expect(changed((raw) => (find(raw, 'people', 'cy').digest = 'cy-v2'))).toEqual([
			'people/cy',
			'talks/solo',
		]);
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
			'topics/apk-tools',
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
			'topics/apk-tools',
		]);
	});

	it('change a page when git dates its file anew', () => {
		expect(changed(() => {}, { solo: '2026-01-02' })).toEqual(['talks/solo']);
	});

	it('change the pages of an announced event once the build’s day passes its date', () => {
		const announced = (raw: HubCollections) => {
			Object.assign(find(raw, 'events', 'conf').data, {
				status: 'announced',
				start: undefined,
				end: undefined,
				month: '2026-05',
			});
			return raw;
		};
		const before = keysOf(announced(collections()), {}, '2026-05-20');
		const stillAhead = keysOf(announced(collections()), {}, '2026-05-31');
		const after = keysOf(announced(collections()), {}, '2026-06-01');
		expect([...stillAhead].filter(([page, key]) => key !== before.get(page))).toEqual([]);
		const changedPages = [...after]
			.filter(([page, key]) => key !== before.get(page))
			.map(([page]) => page);
		expect(changedPages).toContain('events/conf');
		expect(changedPages).toContain('talks/apk');
	});

	it('change a tag page when an entry gains the tag', () => {
		expect(changed((raw) => (find(raw, 'talks', 'solo').data.tags = ['packaging']))).toContain(
			'tags/packaging',
		);
	});

	it('refuse an entry without a content digest rather than key it by nothing', () => {
		const raw = collections();
		find(raw, 'talks', 'solo').digest = '';
		expect(() => keysOf(raw)).toThrow(/talks\/solo has no content digest/);
	});
});
