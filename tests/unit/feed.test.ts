import { describe, expect, it } from 'vitest';
import { feedItems, publishedDate } from '../../src/lib/feed';
import { buildHubIndex, type HubCollections } from '../../src/lib/hub-index';

const entry = (collection: string, id: string, data: Record<string, unknown>) => ({ collection, id, data }) as never;
const event = { collection: 'events', id: 'conf' };
const announcedEvent = { collection: 'events', id: 'announced' };

const hub = buildHubIndex({
	events: [
		entry('events', 'conf', { title: 'Conf', start: '2024-02-01', end: '2024-02-02', tags: [], organisers: [], sponsors: [] }),
		entry('events', 'announced', { title: 'Later', status: 'announced', tags: [], organisers: [], sponsors: [] }),
	],
	talks: [],
	people: [],
	recaps: [
		entry('recaps', 'dated', { title: 'Dated recap', event, published: '2024-03-12', talks: [], tags: ['conf'] }),
		entry('recaps', 'undated', { title: 'Undated recap', event, talks: [], tags: [] }),
		entry('recaps', 'early', { title: 'Recap of an announcement', event: announcedEvent, talks: [], tags: [] }),
	],
	notes: [
		entry('notes', 'updated', {
			title: 'Updated note',
			summary: 's',
			published: '2023-01-01',
			updated: '2024-05-01',
			relatedTalks: [],
			relatedNotes: [],
			relatedCaseStudies: [],
			tags: [],
		}),
		entry('notes', 'ambiguous', {
			title: 'Ambiguous note',
			summary: 's',
			publishedAmbiguous: { asWritten: '4/5/21', readings: ['2021-05-04', '2021-04-05'] },
			relatedTalks: [],
			relatedNotes: [],
			relatedCaseStudies: [],
			tags: [],
		}),
		entry('notes', 'lost', { title: 'Lost note', summary: 's', relatedTalks: [], relatedNotes: [], relatedCaseStudies: [], tags: [] }),
	],
	sponsors: [],
	topics: [],
	'case-studies': [],
} as unknown as HubCollections);

describe('feedItems', () => {
	const committed = new Map([
		['undated', new Date('2025-06-01T12:00:00Z')],
		['early', new Date('2025-06-01T12:00:00Z')],
	]);
	const items = feedItems(hub, (item) => committed.get(item.id));

	it('dates entries by when their content says they were published, not by a commit, and leaves out those without any date', () => {
		expect(items.map((item) => [item.title, item.pubDate?.toISOString()])).toEqual([
			['Recap of an announcement', '2025-06-01T12:00:00.000Z'],
			['Dated recap', '2024-03-12T00:00:00.000Z'],
			['Undated recap', '2024-02-02T00:00:00.000Z'],
			['Updated note', '2023-01-01T00:00:00.000Z'],
			['Ambiguous note', '2021-04-05T00:00:00.000Z'],
		]);
	});

	it('reads an ambiguous date as its earliest reading and a recap’s missing date as its event’s last day', () => {
		expect(
			publishedDate(
				hub.notes.find((note) => note.id === 'ambiguous')!,
				hub,
			),
		).toBe('2021-04-05');
		expect(
			publishedDate(
				hub.recaps.find((recap) => recap.id === 'undated')!,
				hub,
			),
		).toBe('2024-02-02');
		expect(
			publishedDate(
				hub.notes.find((note) => note.id === 'lost')!,
				hub,
			),
		).toBeUndefined();
	});

	it('links each item to its page, with its tags', () => {
		expect(items.find((item) => item.title === 'Dated recap')).toMatchObject({ link: '/recaps/dated/', categories: ['conf'] });
	});
});
