import { describe, expect, it } from 'vitest';
import { buildHubIndex } from '#lib/hub/hub-index.ts';
import { searchFacetKeys, searchRecord } from '#lib/search/search-record.ts';
import { entry, hubCollections, ref } from '../../helpers/entries';

const hub = buildHubIndex(
	hubCollections({
		events: [
			entry('events', 'fosdem-2020', {
				title: 'FOSDEM 2020',
				series: 'FOSDEM',
				start: '2020-02-01',
				end: '2020-02-02',
				organisers: [],
				sponsors: [],
				tags: ['conference'],
			}),
			entry('events', 'fosdem-2024', {
				title: 'FOSDEM 2024',
				series: 'FOSDEM',
				start: '2024-02-03',
				end: '2024-02-04',
				organisers: [],
				sponsors: [],
				tags: [],
			}),
			entry('events', 'next', {
				title: 'Next Conf',
				status: 'announced',
				month: '2027-05',
				organisers: [],
				sponsors: [],
				tags: [],
			}),
		],
		talks: [
			entry('talks', 'podman', {
				title: 'Podman - The Powerful Container Multi-Tool',
				event: 'fosdem-2020',
				speakers: ['sascha', 'ada'],
				moderators: [],
				day: '2020-02-01',
				track: 'Containers',
				language: 'en',
				tags: ['containers', 'podman'],
			}),
			entry('talks', 'undated', {
				title: 'Undated',
				event: 'fosdem-2020',
				speakers: [],
				moderators: [],
				tags: [],
			}),
			entry('talks', 'podman-2024', {
				title: 'Podman again',
				event: 'fosdem-2024',
				speakers: ['sascha'],
				moderators: [],
				day: '2024-02-03',
				track: 'Containers devroom',
				tags: [],
			}),
		],
		people: [
			entry('people', 'sascha', { name: 'Sascha Grunert', handles: ['@saschagrunert'] }),
			entry('people', 'ada', { name: 'Ada, Countess of Lovelace', handles: [] }),
			entry('people', 'bob', { name: 'Bob', handles: [] }),
		],
		recaps: [
			entry('recaps', 'recap', {
				title: 'Recap',
				event: 'fosdem-2020',
				author: 'bob',
				published: '2020-02-10',
				talks: [],
				tags: [],
			}),
		],
		notes: [
			entry('notes', 'undated-note', {
				title: 'Note',
				summary: 's',
				relatedTalks: [],
				relatedNotes: [],
				relatedCaseStudies: [],
				tags: ['ostree'],
			}),
		],
		sponsors: [entry('sponsors', 'equinix', { name: 'Equinix Metal' })],
		topics: [
			entry('topics', 'containers', { name: 'Podman and containers', summary: 'Containers.' }),
			entry('topics', 'go', { name: 'Go', summary: 'A language.' }),
		],
		'case-studies': [
			entry('case-studies', 'study', {
				title: 'Bare metal',
				summary: 's',
				project: 'p',
				sponsor: 'equinix',
				published: '2021-09-01',
				relatedTalks: [],
				tags: [],
			}),
		],
	}),
	{ matchedTopics: new Map([['podman', ['containers', 'go']]]) },
);
const record = (collection: string, id: string) =>
	searchRecord(hub, hub.get(ref(collection as 'talks', id)));
/** The filters that have values: a facet added later leaves the others' tests alone. */
const filled = (filters: Record<string, string[]>) =>
	Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length));

describe('searchFacets', () => {
	it("lists the facets every entry may have, then the talk fields' (talk-fields.ts)", () => {
		expect(searchFacetKeys).toEqual([
			'type',
			'series',
			'event',
			'year',
			'tag',
			'topic',
			'speaker',
			'track',
			'language',
			'slides-licence',
		]);
	});
});

describe('searchRecord', () => {
	it('gives a talk every filter, its metadata and its day as sort key', () => {
		const podman = record('talks', 'podman');
		expect(Object.keys(podman.filters)).toEqual([...searchFacetKeys, 'edition']);
		expect({ ...podman, filters: filled(podman.filters) }).toEqual({
			filters: {
				type: ['Talk'],
				series: ['FOSDEM'],
				event: ['FOSDEM 2020'],
				year: ['2020'],
				tag: ['containers', 'podman'],
				topic: ['Go', 'Podman and containers'],
				speaker: ['Sascha Grunert', 'Ada, Countess of Lovelace'],
				track: ['Containers'],
				language: ['English'],
				edition: ['fosdem-2020'],
			},
			meta: {
				title: 'Podman - The Powerful Container Multi-Tool',
				type: 'Talk',
				event: 'FOSDEM 2020',
				date: '1 February 2020',
				speakers: 'Sascha Grunert, Ada, Countess of Lovelace',
				isodate: '2020-02-01',
			},
			sort: { date: '2020-02-01' },
			index: 'fosdem-2020',
		});
	});
	it("dates a talk without a day by its event's first day", () => {
		expect(record('talks', 'undated').sort.date).toBe('2020-02-01');
		expect(record('talks', 'undated').filters.year).toEqual(['2020']);
	});
	it('files an event under itself, an announced one by its month', () => {
		expect(record('events', 'fosdem-2020').filters).toMatchObject({
			type: ['Event'],
			event: ['FOSDEM 2020'],
			tag: ['conference'],
		});
		expect(record('events', 'next')).toMatchObject({
			filters: { year: ['2027'] },
			meta: { date: 'May 2027' },
		});
	});
	it('files a recap under its event and publication date', () => {
		expect(record('recaps', 'recap')).toMatchObject({
			filters: { type: ['Recap'], event: ['FOSDEM 2020'], year: ['2020'] },
			sort: { date: '2020-02-10' },
		});
	});
	it('files a topic under its own name, and a talk under its matched topics', () => {
		expect(record('topics', 'containers')).toMatchObject({
			filters: { type: ['Topic'], topic: ['Podman and containers'] },
			meta: { title: 'Podman and containers' },
		});
		expect(record('talks', 'undated').filters.topic).toEqual([]);
	});
	it("puts a talk and its event in their edition's index, the rest in the hub's; the edition filter only on dated pages", () => {
		expect(record('events', 'fosdem-2020')).toMatchObject({
			index: 'fosdem-2020',
			filters: { edition: ['fosdem-2020'] },
		});
		expect(record('talks', 'undated')).toMatchObject({
			index: 'fosdem-2020',
			filters: { edition: ['fosdem-2020'] },
		});
		expect(record('recaps', 'recap')).toMatchObject({
			index: 'hub',
			meta: { isodate: '2020-02-10' },
		});
		expect(record('recaps', 'recap').filters).not.toHaveProperty('edition');
		expect(record('notes', 'undated-note').meta.isodate).toBeUndefined();
	});
	it('makes a person findable by handle', () => {
		expect(record('people', 'sascha').meta.handles).toBe('@saschagrunert');
		expect(record('people', 'bob').meta).not.toHaveProperty('handles');
	});
	it('leaves out what an entry does not have, rather than inventing it', () => {
		const note = record('notes', 'undated-note');
		expect(note.filters).toEqual({
			type: ['Note'],
			series: [],
			event: [],
			year: [],
			tag: ['ostree'],
			topic: [],
			speaker: [],
			track: [],
			language: [],
			'slides-licence': [],
		});
		expect(note.meta).toEqual({
			title: 'Note',
			type: 'Note',
			event: undefined,
			date: undefined,
			speakers: undefined,
		});
		expect(note.sort.date).toBeUndefined();
		expect(record('case-studies', 'study').filters.type).toEqual(['Case study']);
		expect(record('sponsors', 'equinix').meta.title).toBe('Equinix Metal');
	});
	it('files talks, events, recaps and speakers under their series, and a track under one name across its spellings', () => {
		expect(record('talks', 'podman-2024').filters).toMatchObject({
			series: ['FOSDEM'],
			year: ['2024'],
			track: ['Containers'],
		});
		expect(record('events', 'fosdem-2024').filters.series).toEqual(['FOSDEM']);
		expect(record('recaps', 'recap').filters.series).toEqual(['FOSDEM']);
		expect(record('people', 'sascha').filters.series).toEqual(['FOSDEM']);
		expect(record('people', 'bob').filters.series).toEqual([]);
		expect(record('events', 'next').filters.series).toEqual([]);
	});
	it('files speakers under the speaker filter, other people not', () => {
		expect(record('people', 'sascha').filters.speaker).toEqual(['Sascha Grunert']);
		expect(record('people', 'bob').filters.speaker).toEqual([]);
	});
});
