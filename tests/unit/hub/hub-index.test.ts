import { describe, expect, it } from 'vitest';
import { buildHubIndex, updatedOf } from '#lib/hub/hub-index.ts';
import { groupSessionsByDay, programmeSessions } from '#lib/view/programme.ts';
import { entry, hubCollections, ref } from '../../helpers/entries';

const collections = hubCollections({
	events: [
		entry('events', 'conf', {
			title: 'Conf',
			start: '2024-03-09',
			end: '2024-03-10',
			organisers: ['ada'],
			sponsors: [],
			tags: ['x'],
		}),
	],
	talks: [
		entry('talks', 'late', {
			title: 'Late',
			event: 'conf',
			speakers: ['ada'],
			day: '2024-03-10',
			tags: [],
		}),
		entry('talks', 'early', {
			title: 'Early',
			event: 'conf',
			speakers: ['ada', 'bob'],
			day: '2024-03-09',
			start: '09:00',
			tags: ['x'],
		}),
		entry('talks', 'undated', {
			title: 'Undated',
			event: 'conf',
			speakers: [],
			moderators: ['bob'],
			tags: [],
		}),
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
	topics: [],
	'case-studies': [],
});

describe('buildHubIndex', () => {
	const hub = buildHubIndex(collections);
	it('sorts talks in programme order and people by name', () => {
		expect(hub.talks.map((talk) => talk.id)).toEqual(['early', 'late', 'undated']);
		expect(hub.people.map((person) => person.id)).toEqual(['ada', 'bob']);
	});
	it('gives any collection its sorted entries by name', () => {
		expect(hub.entries('talks')).toBe(hub.talks);
		expect(hub.entries('case-studies')).toBe(hub.caseStudies);
	});
	it('keeps untimed talks in the running order a recap lists them in', () => {
		const talk = (id: string, title: string) =>
			entry('talks', id, { title, event: 'conf', speakers: [], day: '2024-03-09', tags: [] });
		const ordered = buildHubIndex(
			hubCollections({
				...collections,
				talks: [talk('a', 'Alpha'), talk('b', 'Bravo'), talk('c', 'Charlie'), talk('d', 'Delta')],
				recaps: [
					entry('recaps', 'r', { title: 'R', event: 'conf', talks: ['c', 'a', 'b'], tags: [] }),
				],
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
		const withCards = buildHubIndex(collections, {
			talkCards: new Map([['recaps/recap', new Set(['early'])]]),
		});
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
		expect(() => hub.get({ collection: 'people', id: 'nobody' })).toThrow(
			/Unknown people entry "nobody"/,
		);
	});
	it('groups a programme by day with undated talks last', () => {
		const days = groupSessionsByDay(programmeSessions(hub.talksOf('conf')));
		expect(days.map((day) => day.day)).toEqual(['2024-03-09', '2024-03-10', undefined]);
	});
});

describe('updatedOf', () => {
	it('reads the updated: date of collections that have one, and nothing from the others', () => {
		expect(
			updatedOf(
				entry('notes', 'n', {
					title: 'N',
					summary: 's',
					published: '2023-01-01',
					updated: '2024-05-01',
				}),
			),
		).toBe('2024-05-01');
		expect(
			updatedOf(entry('notes', 'n', { title: 'N', summary: 's', published: '2023-01-01' })),
		).toBeUndefined();
		expect(updatedOf(entry('talks', 't', { title: 'T', event: 'conf' }))).toBeUndefined();
	});
});

describe('topics in the hub index', () => {
	const topic = (id: string, name: string, parent?: string) =>
		entry('topics', id, { name, summary: `About ${name}.`, ...(parent ? { parent } : {}) });
	const topicsHub = buildHubIndex(
		{
			...collections,
			topics: [
				topic('ostree', 'OSTree', 'alpine'),
				topic('alpine', 'Alpine Linux'),
				topic('musl', 'musl'),
			],
			notes: collections.notes.map((note) => ({
				...note,
				data: { ...note.data, topics: [ref('topics', 'ostree')] },
			})),
			talks: collections.talks.map((talk) =>
				talk.id === 'late'
					? { ...talk, data: { ...talk.data, topics: [ref('topics', 'musl')] } }
					: talk,
			),
		},
		{
			matchedTopics: new Map([
				['early', ['musl', 'alpine']],
				['late', ['alpine', 'musl']],
				['undated', ['ostree']],
			]),
		},
	);
	const idsOf = (entries: readonly { id: string }[]) => entries.map((item) => item.id);

	it('sorts topics by name and gives a talk its named and matched topics once, in that order', () => {
		expect(idsOf(topicsHub.topics)).toEqual(['alpine', 'musl', 'ostree']);
		expect(idsOf(topicsHub.topicsOf(topicsHub.get(ref('talks', 'late'))))).toEqual([
			'alpine',
			'musl',
		]);
		expect(idsOf(topicsHub.topicsOf(topicsHub.get(ref('notes', 'note'))))).toEqual(['ostree']);
		expect(topicsHub.topicsOf(topicsHub.get(ref('people', 'ada')))).toEqual([]);
	});
	it('lists a topic’s talks in programme order, its writing, its narrower topics and the topics sharing its talks', () => {
		expect(idsOf(topicsHub.talksAbout('musl'))).toEqual(['early', 'late']);
		expect(idsOf(topicsHub.writingAbout('ostree'))).toEqual(['note']);
		expect(idsOf(topicsHub.subtopicsOf('alpine'))).toEqual(['ostree']);
		expect(
			topicsHub.relatedTopics('musl').map(({ topic: other, shared }) => [other.id, shared]),
		).toEqual([['alpine', 2]]);
		expect(topicsHub.relatedTopics('ostree')).toEqual([]);
		expect(topicsHub.talksAbout('nothing')).toEqual([]);
	});
});
