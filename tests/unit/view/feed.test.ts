import { describe, expect, it } from 'vitest';
import { feedItems, publishedDate } from '#lib/view/feed.ts';
import { buildHubIndex } from '#lib/hub/hub-index.ts';
import { entry, hubCollections } from '../../helpers/entries';

const note = { summary: 's', relatedTalks: [], relatedNotes: [], relatedCaseStudies: [], tags: [] };
const hub = buildHubIndex(
	hubCollections({
		events: [
			entry('events', 'conf', {
				title: 'Conf',
				start: '2024-02-01',
				end: '2024-02-02',
				tags: [],
				organisers: [],
				sponsors: [],
			}),
			entry('events', 'announced', {
				title: 'Later',
				status: 'announced',
				tags: [],
				organisers: [],
				sponsors: [],
			}),
		],
		recaps: [
			entry('recaps', 'dated', {
				title: 'Dated recap',
				event: 'conf',
				published: '2024-03-12',
				talks: [],
				tags: ['conf'],
			}),
			entry('recaps', 'undated', { title: 'Undated recap', event: 'conf', talks: [], tags: [] }),
			entry('recaps', 'early', {
				title: 'Recap of an announcement',
				event: 'announced',
				talks: [],
				tags: [],
			}),
		],
		notes: [
			entry('notes', 'updated', {
				...note,
				title: 'Updated note',
				published: '2023-01-01',
				updated: '2024-05-01',
			}),
			entry('notes', 'ambiguous', {
				...note,
				title: 'Ambiguous note',
				publishedAmbiguous: { asWritten: '4/5/21', readings: ['2021-05-04', '2021-04-05'] },
			}),
			entry('notes', 'lost', { ...note, title: 'Lost note' }),
		],
	}),
);

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
		expect(items.find((item) => item.title === 'Dated recap')).toMatchObject({
			link: '/recaps/dated/',
			categories: ['conf'],
		});
	});
});
