import { describe, expect, it } from 'vitest';
import type { Entry } from '#lib/hub/hub-index.ts';
import { entry, type FrontMatter } from '../../helpers/entries';
import {
	buildSeriesIndex,
	seriesIdOf,
	speakerSummary,
	talksByEdition,
	yearRange,
} from '#lib/hub/series.ts';

/** A talk of an event, titled by its id. */
const talk = (
	id: string,
	event: string,
	frontMatter: Omit<FrontMatter<'talks'>, 'title' | 'event'>,
) => entry('talks', id, { title: id, event, ...frontMatter });

const events = [
	entry('events', 'conf-2024', {
		title: 'Conf 2024',
		series: 'Conf',
		start: '2024-02-03',
		end: '2024-02-03',
	}),
	entry('events', 'conf-2019', {
		title: 'Conf 2019',
		series: 'CONF',
		start: '2019-02-02',
		end: '2019-02-02',
	}),
	entry('events', 'conf-2020', {
		title: 'Conf 2020',
		series: 'Conf',
		start: '2020-02-01',
		end: '2020-02-01',
	}),
	entry('events', 'meetup', { title: 'Meetup', start: '2021-05-01', end: '2021-05-01' }),
];
const talks: Record<string, Entry<'talks'>[]> = {
	'conf-2019': [
		talk('a', 'conf-2019', { track: 'Javascript', speakers: ['ada'], room: 'Saal 1' }),
		talk('b', 'conf-2019', { track: 'Go', speakers: ['bob'], room: 'saal 1' }),
	],
	'conf-2020': [
		talk('c', 'conf-2020', {
			track: 'JavaScript',
			speakers: ['ada'],
			moderators: ['cy'],
			day: '2020-02-01',
			start: '10:00',
			room: 'K.1.105',
			sessions: [
				{ day: '2020-02-02', start: '10:00', room: 'Saal 1' },
				{ day: '2020-02-02', start: '14:00' },
			],
		}),
	],
	'conf-2024': [
		talk('d', 'conf-2024', {
			track: 'JavaScript devroom',
			speakers: ['ada', 'bob'],
			room: 'Saal 1',
		}),
		talk('e', 'conf-2024', {}),
	],
	meetup: [talk('f', 'meetup', { track: 'Go', speakers: ['ada'] })],
};
const index = buildSeriesIndex(events, (id) => talks[id] ?? []);
const eventOf = (entry: { data: { event: { id: string } } }) =>
	events.find((candidate: { id: string }) => candidate.id === entry.data.event.id)!;

describe('buildSeriesIndex', () => {
	it('groups editions by series id, oldest first, with counts', () => {
		expect(
			index.all.map((series) => [
				series.id,
				series.name,
				series.editions.map((edition) => edition.year),
				series.talkCount,
				series.speakerCount,
			]),
		).toEqual([['conf', 'Conf', ['2019', '2020', '2024'], 5, 3]]);
		expect(seriesIdOf('CONF')).toBe('conf');
		expect(index.placeOf('meetup')).toBeUndefined();
	});

	it('places an edition between the ones before and after it', () => {
		const place = index.placeOf('conf-2020')!;
		expect([place.previous?.event.id, place.edition.event.id, place.next?.event.id]).toEqual([
			'conf-2019',
			'conf-2020',
			'conf-2024',
		]);
		expect(index.placeOf('conf-2019')!.previous).toBeUndefined();
		expect(index.placeOf('conf-2020')!.edition.speakerCount).toBe(2);
	});

	it('follows a track across editions, newest first, named as the newest edition spells it', () => {
		const [javascript, go] = index.get('conf')!.tracks;
		expect(javascript).toMatchObject({
			id: 'javascript',
			name: 'JavaScript',
			spellings: ['JavaScript devroom', 'JavaScript', 'Javascript'],
			talkCount: 3,
		});
		expect(
			javascript!.editions.map((edition) => [
				edition.year,
				edition.talks.map((entry: { id: string }) => entry.id),
			]),
		).toEqual([
			['2024', ['d']],
			['2020', ['c']],
			['2019', ['a']],
		]);
		expect(go).toMatchObject({ id: 'go', talkCount: 1 });
		expect(index.trackOf('d')).toBe(javascript);
		expect(index.trackOf('e')).toBeUndefined();
	});
});

describe('the rooms of a series', () => {
	it('counts each room once across spellings and editions, the busiest first', () => {
		const conf = index.get('conf')!;
		expect(conf.rooms).toEqual([
			{ id: 'saal-1', name: 'Saal 1', years: ['2019', '2020', '2024'], talkCount: 4 },
			{ id: 'k1105', name: 'K.1.105', years: ['2020'], talkCount: 1 },
		]);
	});

	it('counts the rooms of each edition, a talk’s other sessions included', () => {
		expect(index.get('conf')!.editions.map((edition) => edition.roomCount)).toEqual([1, 2, 1]);
	});
});

describe('a speaker’s record', () => {
	const adas = ['a', 'c', 'd'].map((id) =>
		Object.values(talks)
			.flat()
			.find((entry: { id: string }) => entry.id === id)!,
	);

	it('sums up talks per series and the tracks they spoke in', () => {
		expect(speakerSummary(adas, eventOf, index)).toBe(
			'3 talks at Conf, 2019–2024; tracks: JavaScript',
		);
		const withMeetup = [...adas, talks.meetup![0]!];
		expect(speakerSummary(withMeetup, eventOf, index)).toBe(
			'3 talks at Conf, 2019–2024; 1 talk at Meetup 2021; tracks: JavaScript, Go',
		);
		expect(speakerSummary([], eventOf, index)).toBe('');
	});

	it('groups talks by edition, newest first', () => {
		expect(talksByEdition(adas, eventOf).map((group) => group.event.id)).toEqual([
			'conf-2024',
			'conf-2020',
			'conf-2019',
		]);
	});

	it('writes year ranges', () => {
		expect(yearRange(['2020', '2009', '2026', '2020'])).toBe('2009–2026');
		expect(yearRange(['2021'])).toBe('2021');
	});
});
