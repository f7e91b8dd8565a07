import { describe, expect, it } from 'vitest';
import { eventCard, noteCard, recapCard } from '../../src/lib/cards';
import { buildHubIndex, type HubCollections } from '../../src/lib/hub-index';

const ref = (collection: string, id: string) => ({ collection, id });
const entry = (collection: string, id: string, data: Record<string, unknown>) => ({ collection, id, data }) as never;

const hub = buildHubIndex({
	events: [entry('events', 'conf', { title: 'Conf 2024', start: '2024-03-09', end: '2024-03-10', city: 'Brussels', format: 'in-person', status: 'held', organisers: [], sponsors: [], tags: [] })],
	talks: [],
	people: [entry('people', 'ada', { name: 'Ada' })],
	recaps: [
		entry('recaps', 'dated', { title: 'Dated', event: ref('events', 'conf'), author: ref('people', 'ada'), published: '2024-03-12', talks: [], tags: [], summary: 'Two days.' }),
		entry('recaps', 'anonymous', { title: 'Anonymous', event: ref('events', 'conf'), talks: [], tags: [] }),
	],
	notes: [entry('notes', 'n', { title: 'Note', summary: 'About builders.', updated: '2024-05-01', published: '2024-04-01', tags: [], relatedTalks: [], relatedNotes: [], relatedCaseStudies: [] })],
	sponsors: [],
	'case-studies': [],
} as unknown as HubCollections);

const recap = (id: string) => hub.recaps.find((entry) => entry.id === id)!;

describe('cards', () => {
	it('describes a recap by author, date and event, leaving out what is unknown', () => {
		expect(recapCard(recap('dated'), hub)).toEqual({
			href: '/recaps/dated/',
			title: 'Dated',
			meta: 'Ada · 12 March 2024 · Conf 2024',
			summary: 'Two days.',
		});
		expect(recapCard(recap('dated'), hub, { showEvent: false }).meta).toBe('Ada · 12 March 2024');
		expect(recapCard(recap('anonymous'), hub, { showEvent: false }).meta).toBeUndefined();
	});
	it('dates a note by its latest change', () => {
		expect(noteCard(hub.notes[0]!).meta).toBe('1 May 2024');
	});
	it('summarises an event in one line', () => {
		expect(eventCard(hub.events[0]!).meta).toMatch(/^9\s*–\s*10 March 2024 · Brussels · In person$/);
	});
});
