import { describe, expect, it } from 'vitest';
import { buildHubIndex } from '../../src/lib/hub-index';
import { groupTalksByDay } from '../../src/lib/programme';
import { entry, hubCollections } from '../helpers/entries';

const collections = hubCollections({
	events: [entry('events', 'conf', { title: 'Conf', start: '2024-03-09', end: '2024-03-10', organisers: ['ada'], sponsors: [], tags: ['x'] })],
	talks: [
		entry('talks', 'late', { title: 'Late', event: 'conf', speakers: ['ada'], day: '2024-03-10', tags: [] }),
		entry('talks', 'early', {
			title: 'Early',
			event: 'conf',
			speakers: ['ada', 'bob'],
			day: '2024-03-09',
			start: '09:00',
			tags: ['x'],
		}),
		entry('talks', 'undated', { title: 'Undated', event: 'conf', speakers: [], moderators: ['bob'], tags: [] }),
	],
	people: [entry('people', 'bob', { name: 'Bob' }), entry('people', 'ada', { name: 'Ada' })],
	recaps: [
		entry('recaps', 'recap', {
			title: 'Recap',
			event: 'conf',
			author: 'ada',
			published: '2024-03-12',
			talks: ['early'],
			tags: ['x'],
		}),
	],
	notes: [
		entry('notes', 'note', {
			title: 'Note',
			summary: 's',
			relatedTalks: ['early', 'late'],
			relatedNotes: [],
			relatedCaseStudies: [],
			tags: [],
		}),
	],
	sponsors: [],
	'case-studies': [],
});

describe('buildHubIndex', () => {
	const hub = buildHubIndex(collections);
	it('sorts talks in programme order and people by name', () => {
		expect(hub.talks.map((talk) => talk.id)).toEqual(['early', 'late', 'undated']);
		expect(hub.people.map((person) => person.id)).toEqual(['ada', 'bob']);
	});
	it('keeps untimed talks in the running order a recap lists them in', () => {
		const talk = (id: string, title: string) => entry('talks', id, { title, event: 'conf', speakers: [], day: '2024-03-09', tags: [] });
		const ordered = buildHubIndex(
			hubCollections({
				...collections,
				talks: [talk('a', 'Alpha'), talk('b', 'Bravo'), talk('c', 'Charlie'), talk('d', 'Delta')],
				recaps: [entry('recaps', 'r', { title: 'R', event: 'conf', talks: ['c', 'a', 'b'], tags: [] })],
			}),
		);
		expect(ordered.talksOf('conf').map((item) => item.id)).toEqual(['c', 'a', 'b', 'd']);
	});
	it('finds talks by event and speaker', () => {
		expect(hub.talksOf('conf')).toHaveLength(3);
		expect(hub.talksBy('ada').map((talk) => talk.id)).toEqual(['early', 'late']);
		// A moderator's page lists the roundtables they ran.
		expect(hub.talksBy('bob').map((talk) => talk.id)).toEqual(['early', 'undated']);
	});
	it('collects backlinks from recaps and notes', () => {
		expect(
			hub
				.discussedIn('early')
				.map((item) => item.id)
				.sort(),
		).toEqual(['note', 'recap']);
		expect(hub.discussedIn('late').map((item) => item.id)).toEqual(['note']);
		expect(hub.discussedIn('undated')).toEqual([]);
	});
	it('knows which talk cards a piece of writing embeds', () => {
		const withCards = buildHubIndex(collections, { talkCards: new Map([['recaps/recap', new Set(['early'])]]) });
		const [recap] = withCards.discussedIn('early').filter((item) => item.collection === 'recaps');
		expect(withCards.embedsTalkCard(recap!, 'early')).toBe(true);
		expect(withCards.embedsTalkCard(recap!, 'late')).toBe(false);
		expect(hub.embedsTalkCard(recap!, 'early')).toBe(false);
	});
	it('counts tags across collections', () => {
		expect(hub.tags[0]).toEqual(['x', expect.any(Array)]);
		expect(hub.taggedWith('x')).toHaveLength(3);
	});
	it('resolves references and refuses unknown ones', () => {
		expect(hub.get({ collection: 'people', id: 'ada' }).data.name).toBe('Ada');
		expect(() => hub.get({ collection: 'people', id: 'nobody' })).toThrow(/Unknown people entry "nobody"/);
	});
	it('groups a programme by day with undated talks last', () => {
		const days = groupTalksByDay(hub.talksOf('conf'));
		expect(days.map((day) => day.day)).toEqual(['2024-03-09', '2024-03-10', undefined]);
	});
});
