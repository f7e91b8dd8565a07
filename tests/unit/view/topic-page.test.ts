import { describe, expect, it } from 'vitest';
import { buildHubIndex, type HubCollections } from '#lib/hub/hub-index.ts';
import {
	frequentSpeakers,
	talksByYear,
	talksPerYearAndSeries,
	talkYear,
	yearSeriesBar,
} from '#lib/view/topic-page.ts';

const ref = <C extends string>(collection: C, id: string) => ({ collection, id });
const entry = (collection: string, id: string, data: Record<string, unknown>) =>
	({ collection, id, data }) as never;
const event = (id: string, title: string, start: string, series?: string) =>
	entry('events', id, {
		title,
		start,
		end: start,
		organisers: [],
		sponsors: [],
		tags: [],
		...(series ? { series } : {}),
	});
const talk = (id: string, eventId: string, speakers: string[], day?: string) =>
	entry('talks', id, {
		title: id,
		event: ref('events', eventId),
		speakers: speakers.map((person) => ref('people', person)),
		moderators: [],
		tags: [],
		...(day ? { day } : {}),
	});

const hub = buildHubIndex({
	events: [
		event('fosdem-2019', 'FOSDEM 2019', '2019-02-02', 'FOSDEM'),
		event('fosdem-2020', 'FOSDEM 2020', '2020-02-01', 'FOSDEM'),
		event('alpineconf-2021', 'AlpineConf 2021', '2021-05-15'),
		event('meetup', 'Spring meetup', '2020-04-01'),
	],
	talks: [
		talk('a', 'fosdem-2019', ['ada'], '2019-02-02'),
		talk('b', 'fosdem-2020', ['ada', 'bob'], '2020-02-01'),
		talk('c', 'fosdem-2020', ['cy'], '2020-02-02'),
		talk('d', 'alpineconf-2021', ['bob']),
		talk('e', 'meetup', ['ada']),
	],
	people: [
		entry('people', 'ada', { name: 'Ada' }),
		entry('people', 'bob', { name: 'Bob' }),
		entry('people', 'cy', { name: 'Cy' }),
	],
	recaps: [],
	notes: [],
	sponsors: [],
	topics: [],
	'case-studies': [],
} as unknown as HubCollections);

describe('a topic page’s derived lists', () => {
	it('dates a talk by its day, else by its event', () => {
		expect(talkYear(hub, hub.get(ref('talks', 'a')))).toBe('2019');
		expect(talkYear(hub, hub.get(ref('talks', 'd')))).toBe('2021');
	});

	it('groups talks by year, newest year first, keeping their order within a year', () => {
		expect(
			talksByYear(hub, hub.talks).map(({ year, talks }) => [year, talks.map((item) => item.id)]),
		).toEqual([
			['2021', ['d']],
			['2020', ['b', 'c', 'e']],
			['2019', ['a']],
		]);
	});

	it('counts talks per year and series, an event outside a series under its own title, as rows and bars', () => {
		const rows = talksPerYearAndSeries(hub, hub.talks);
		expect(rows).toEqual([
			{ year: '2019', series: 'FOSDEM', talks: 1 },
			{ year: '2020', series: 'FOSDEM', talks: 2 },
			{ year: '2020', series: 'Spring meetup', talks: 1 },
			{ year: '2021', series: 'AlpineConf 2021', talks: 1 },
		]);
		expect(rows.map(yearSeriesBar)).toEqual([
			{ label: 'FOSDEM 2019', value: 1 },
			{ label: 'FOSDEM 2020', value: 2 },
			{ label: 'Spring meetup 2020', value: 1 },
			{ label: 'AlpineConf 2021', value: 1 },
		]);
	});

	it('ranks speakers by talks, then by name, up to a limit', () => {
		expect(
			frequentSpeakers(hub, hub.talks, 2).map(({ person, talks }) => [person.id, talks]),
		).toEqual([
			['ada', 3],
			['bob', 2],
		]);
		expect(frequentSpeakers(hub, [], 5)).toEqual([]);
	});
});
