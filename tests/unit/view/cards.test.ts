import { describe, expect, it } from 'vitest';
import {
	caseStudyCard,
	eventCard,
	labelledCard,
	listCard,
	noteCard,
	personCard,
	recapCard,
	sponsorCard,
	topicCard,
} from '#lib/view/cards.ts';
import { buildHubIndex } from '#lib/hub/hub-index.ts';
import { entry, hubCollections } from '../../helpers/entries';

const hub = buildHubIndex(
	hubCollections({
		events: [
			entry('events', 'conf', {
				title: 'Conf 2024',
				start: '2024-03-09',
				end: '2024-03-10',
				city: 'Brussels',
				format: 'in-person',
				status: 'held',
				organisers: [],
				sponsors: [],
				tags: [],
			}),
		],
		talks: [
			entry('talks', 't', {
				title: 'Talk',
				kind: 'roundtable',
				event: 'conf',
				speakers: ['ada'],
				tags: [],
			}),
		],
		people: [
			entry('people', 'ada', { name: 'Ada', handles: ['@ada'] }),
			entry('people', 'bob', { name: 'Bob', handles: [] }),
		],
		recaps: [
			entry('recaps', 'dated', {
				title: 'Dated',
				event: 'conf',
				author: 'ada',
				published: '2024-03-12',
				talks: [],
				tags: [],
				summary: 'Two days.',
			}),
			entry('recaps', 'anonymous', { title: 'Anonymous', event: 'conf', talks: [], tags: [] }),
		],
		notes: [
			entry('notes', 'n', {
				title: 'Note',
				summary: 'About builders.',
				updated: '2024-05-01',
				published: '2024-04-01',
				tags: [],
				relatedTalks: [],
				relatedNotes: [],
				relatedCaseStudies: [],
			}),
		],
		sponsors: [
			entry('sponsors', 'acme', {
				name: 'ACME',
				support: ['hosting', 'bare metal'],
				summary: 'Servers.',
			}),
		],
		topics: [
			entry('topics', 'musl', { name: 'musl', summary: 'A C library.', aliases: [] }),
			entry('topics', 'quiet', { name: 'Quiet', summary: 'Nothing yet.', aliases: [] }),
		],
		'case-studies': [
			entry('case-studies', 'cs', {
				title: 'Builders',
				summary: 'How.',
				sponsor: 'acme',
				project: 'Example OS',
				tags: [],
				relatedTalks: [],
			}),
		],
	}),
	{ matchedTopics: new Map([['t', ['musl']]]) },
);

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
		expect(eventCard(hub.events[0]!).meta).toMatch(
			/^9\s*–\s*10 March 2024 · Brussels · In person$/,
		);
	});
	it('counts a person’s talks beside their handles', () => {
		expect(
			personCard(
				hub.people.find((person) => person.id === 'ada')!,
				hub,
			),
		).toEqual({ href: '/people/ada/', title: 'Ada', meta: '@ada · 1 talk' });
		expect(
			personCard(
				hub.people.find((person) => person.id === 'bob')!,
				hub,
			).meta,
		).toBe('0 talks');
	});
	it('names a sponsor’s support, and a case study’s sponsor except on the sponsor’s page', () => {
		expect(sponsorCard(hub.sponsors[0]!)).toEqual({
			href: '/sponsors/acme/',
			title: 'ACME',
			meta: 'hosting, bare metal',
			summary: 'Servers.',
		});
		expect(caseStudyCard(hub.caseStudies[0]!, hub).meta).toBe('ACME · Example OS');
		expect(caseStudyCard(hub.caseStudies[0]!, hub, { showSponsor: false }).meta).toBeUndefined();
	});
	it("gives each entry of a listed collection its own collection's card", () => {
		expect(listCard(recap('dated'), hub)).toEqual(recapCard(recap('dated'), hub));
		expect(listCard(hub.notes[0]!, hub)).toEqual(noteCard(hub.notes[0]!));
		expect(listCard(hub.people[0]!, hub)).toEqual(personCard(hub.people[0]!, hub));
		expect(listCard(hub.sponsors[0]!, hub)).toEqual(sponsorCard(hub.sponsors[0]!));
		expect(listCard(hub.caseStudies[0]!, hub)).toEqual(caseStudyCard(hub.caseStudies[0]!, hub));
	});
	it('labels entries in mixed lists by kind (a talk by its own), with the date of writing', () => {
		expect(labelledCard(hub.talks[0]!)).toEqual({
			href: '/talks/t/',
			title: 'Talk',
			meta: 'Roundtable',
		});
		expect(labelledCard(recap('dated')).meta).toBe('Recap · 12 March 2024');
		expect(labelledCard(hub.notes[0]!).meta).toBe('Note · 1 May 2024');
	});
	it('counts a topic’s talks and writing, leaving out writing it has none of', () => {
		expect(
			topicCard(
				hub.topics.find((topic) => topic.id === 'musl')!,
				hub,
			),
		).toEqual({ href: '/topics/musl/', title: 'musl', meta: '1 talk', summary: 'A C library.' });
		expect(
			topicCard(
				hub.topics.find((topic) => topic.id === 'quiet')!,
				hub,
			).meta,
		).toBe('0 talks');
	});
});
