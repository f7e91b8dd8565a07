import { describe, expect, it } from 'vitest';
import { feedItems } from '../../src/lib/feed';
import { buildHubIndex } from '../../src/lib/hub-index';
import { entry, hubCollections } from '../helpers/entries';

const hub = buildHubIndex(
	hubCollections({
		events: [],
		talks: [],
		people: [],
		recaps: [
			entry('recaps', 'dated', { title: 'Dated recap', event: 'conf', published: '2024-03-12', talks: [], tags: ['conf'] }),
			entry('recaps', 'undated', { title: 'Undated recap', event: 'conf', talks: [], tags: [] }),
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
			entry('notes', 'lost', { title: 'Lost note', summary: 's', relatedTalks: [], relatedNotes: [], relatedCaseStudies: [], tags: [] }),
		],
		sponsors: [],
		'case-studies': [],
	}),
);

describe('feedItems', () => {
	const committed = new Map([['undated', new Date('2025-06-01T12:00:00Z')]]);
	const items = feedItems(hub, (item) => committed.get(item.id));

	it('dates undated entries by when they were added, and leaves out those without any date', () => {
		expect(items.map((item) => [item.title, item.pubDate?.toISOString().slice(0, 10)])).toEqual([
			['Undated recap', '2025-06-01'],
			['Updated note', '2024-05-01'],
			['Dated recap', '2024-03-12'],
		]);
	});

	it('links each item to its page, with its tags', () => {
		expect(items.find((item) => item.title === 'Dated recap')).toMatchObject({ link: '/recaps/dated/', categories: ['conf'] });
	});
});
