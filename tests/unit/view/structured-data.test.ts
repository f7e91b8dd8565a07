import { describe, expect, it } from 'vitest';
import { buildHubIndex } from '#lib/hub/hub-index.ts';
import {
	articleJsonLd,
	eventJsonLd,
	jsonLdText,
	personJsonLd,
	recordingJsonLd,
	talkJsonLd,
} from '#lib/view/structured-data.ts';
import { entry, hubCollections, ref } from '../../helpers/entries';

const absolute = (path: string) => `https://hub.example${path}`;

const collections = hubCollections({
	events: [
		entry('events', 'conf', {
			title: 'Conf 2024',
			start: '2024-03-09',
			end: '2024-03-10',
			timezone: 'Europe/Brussels',
			format: 'in-person',
			venue: 'ULB',
			city: 'Brussels',
			organisers: ['ada'],
			sponsors: [],
			tags: [],
		}),
	],
	talks: [
		entry('talks', 'late', {
			title: 'Late night',
			event: 'conf',
			speakers: ['ada'],
			day: '2024-03-09',
			start: '23:30',
			duration: 60,
			room: 'Janson',
			language: 'en',
			tags: [],
			recording: {
				status: 'available',
				licence: 'CC-BY-4.0',
				sources: [
					{ url: 'https://video.example.org/late.webm', provider: 'file', type: 'video/webm' },
				],
			},
		}),
		entry('talks', 'untimed', { title: 'Untimed', event: 'conf', speakers: [], tags: [] }),
	],
	people: [
		entry('people', 'ada', {
			name: 'Ada Lovelace',
			handles: ['@ada'],
			affiliations: ['Engines'],
			links: [{ kind: 'homepage', url: 'https://ada.example/' }],
		}),
	],
	recaps: [
		entry('recaps', 'recap', {
			title: 'Recap',
			event: 'conf',
			author: 'ada',
			published: '2024-03-12',
			talks: [],
			tags: ['conf'],
		}),
	],
	notes: [],
	sponsors: [],
	topics: [],
	'case-studies': [],
});
const hub = buildHubIndex(collections);

describe('talkJsonLd and recordingJsonLd', () => {
	it('describe a timed talk as an Event in its zone, ending past midnight on the next day, with its recording', () => {
		const late = hub.get(ref('talks', 'late'));
		expect(talkJsonLd(late, hub, absolute)).toEqual({
			'@context': 'https://schema.org',
			'@type': 'Event',
			name: 'Late night',
			url: 'https://hub.example/talks/late/',
			startDate: '2024-03-09T23:30:00+01:00',
			endDate: '2024-03-10T00:30:00+01:00',
			location: { '@type': 'Place', name: 'Janson' },
			inLanguage: 'en',
			performer: [
				{ '@type': 'Person', name: 'Ada Lovelace', url: 'https://hub.example/people/ada/' },
			],
			recordedIn: {
				'@type': 'VideoObject',
				name: 'Late night',
				contentUrl: 'https://video.example.org/late.webm',
				encodingFormat: 'video/webm',
				license: 'CC-BY-4.0',
			},
			superEvent: { '@type': 'Event', name: 'Conf 2024', url: 'https://hub.example/events/conf/' },
		});
		expect(recordingJsonLd(hub.get(ref('talks', 'untimed')))).toBeUndefined();
	});
});

describe('eventJsonLd', () => {
	it('gives the event its place, attendance mode, organisers and every talk as a sub-event', () => {
		const event = eventJsonLd(hub.get(ref('events', 'conf')), hub, absolute);
		expect(event).toMatchObject({
			'@type': 'Event',
			startDate: '2024-03-09',
			eventStatus: 'https://schema.org/EventScheduled',
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
			location: { '@type': 'Place', name: 'ULB', address: 'ULB, Brussels' },
			organizer: [{ name: 'Ada Lovelace' }],
		});
		expect(
			JSON.parse(JSON.stringify(event.subEvent))
				.map((talk: { name: string }) => talk.name)
				.sort(),
		).toEqual(['Late night', 'Untimed']);
	});
});

describe('personJsonLd and articleJsonLd', () => {
	it('describe people with their handles and links, and recaps as articles about their event', () => {
		expect(personJsonLd(hub.get(ref('people', 'ada')), absolute)).toMatchObject({
			'@type': 'Person',
			alternateName: ['@ada'],
			affiliation: [{ '@type': 'Organization', name: 'Engines' }],
			sameAs: ['https://ada.example/'],
		});
		expect(articleJsonLd(hub.get(ref('recaps', 'recap')), hub, absolute)).toMatchObject({
			'@type': 'Article',
			headline: 'Recap',
			datePublished: '2024-03-12',
			author: { name: 'Ada Lovelace' },
			keywords: 'conf',
			about: { '@type': 'Event', name: 'Conf 2024' },
		});
	});
});

describe('jsonLdText', () => {
	it('escapes < so no text closes the script element', () => {
		expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).toBe(
			'{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
		);
	});
});
