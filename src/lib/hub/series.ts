import { asciiId } from '#lib/content/entry-id.ts';
import { countOf } from '#lib/view/describe.ts';
import type { Entry } from './hub-index';
import { limits } from '#lib/content/limits.ts';
import { trackSlug } from '#lib/view/track-slug.ts';
import { roomSlug, talkSessions } from '#lib/view/programme.ts';

/**
 * A series is named by its events (`series: FOSDEM`); its id, in URLs (`/series/fosdem/`) and
 * in `npm run import -- --series fosdem`, is that name written as an id, so `FOSDEM` and
 * `Fosdem` are one series.
 */
export const seriesIdOf = (name: string) => asciiId(name, limits.idBytes);

/** A track's name as its newest edition spells it, without the "devroom" that edition may add. */
const trackName = (spelling: string) => spelling.replace(/(\s+devroom)+$/i, '').trim() || spelling;

export interface SeriesEdition {
	event: Entry<'events'>;
	/** The year of its first day, how people name an edition ("FOSDEM 2020"). */
	year: string;
	talks: Entry<'talks'>[];
	/** People who spoke at (or moderated) a talk of the edition. */
	speakerCount: number;
	/** Rooms its talks' sessions were held in. */
	roomCount: number;
}

/**
 * A room across the editions, one by its programme slug (`Saal 1` and `saal 1` are one), named
 * as its newest edition spells it. A large congress has hundreds: the series page charts the
 * busiest and counts the rest per edition.
 */
export interface SeriesRoom {
	id: string;
	name: string;
	/** The year of each edition it was used in, oldest first. */
	years: string[];
	/** Talks with a session in it (a workshop held there daily counts once). */
	talkCount: number;
}

export interface SeriesTrack {
	/** `trackSlug`: the page's address under the series, the same as the event's track page's. */
	id: string;
	name: string;
	/** Every spelling the editions used, newest first. */
	spellings: string[];
	/** The editions the track ran in, newest first, with its talks there in programme order. */
	editions: { event: Entry<'events'>; year: string; talks: Entry<'talks'>[] }[];
	talkCount: number;
}

export interface Series {
	id: string;
	name: string;
	/** Oldest first. */
	editions: SeriesEdition[];
	/** Most talks first, then by name. */
	tracks: SeriesTrack[];
	/** Most talks first, then by name. */
	rooms: SeriesRoom[];
	talkCount: number;
	speakerCount: number;
}

export interface EditionPlace {
	series: Series;
	edition: SeriesEdition;
	previous?: SeriesEdition | undefined;
	next?: SeriesEdition | undefined;
}

const peopleOf = (talk: Entry<'talks'>) =>
	[...talk.data.speakers, ...talk.data.moderators].map((ref) => ref.id);

/** The rooms a talk's sessions were held in, each once. */
const roomsOf = (talk: Entry<'talks'>) => [
	...new Set(talkSessions(talk).flatMap((session) => (session.room ? [session.room] : []))),
];

/** The series' rooms, most talks first; `editions` oldest first. */
function seriesRooms(editions: readonly SeriesEdition[]): SeriesRoom[] {
	const rooms = new Map<string, SeriesRoom>();
	editions.forEach((edition, index) => {
		const used = new Set<string>();
		for (const talk of edition.talks)
			for (const name of roomsOf(talk)) {
				const id = roomSlug(name) || name;
				const room = rooms.get(id) ?? { id, name, years: [], talkCount: 0 };
				room.name = name;
				if (!used.has(id)) room.years.push(editions[index]!.year);
				used.add(id);
				room.talkCount++;
				rooms.set(id, room);
			}
	});
	return [...rooms.values()].sort(
		(a, b) => b.talkCount - a.talkCount || a.name.localeCompare(b.name, 'en', { numeric: true }),
	);
}

/**
 * Every series of the hub with its editions and tracks, computed once per build. `events`
 * in any order; `talksOf` gives an event's talks in programme order.
 */
export function buildSeriesIndex(
	events: readonly Entry<'events'>[],
	talksOf: (eventId: string) => readonly Entry<'talks'>[],
) {
	const grouped = new Map<string, { names: string[]; events: Entry<'events'>[] }>();
	for (const event of events) {
		const name = event.data.series;
		const id = name ? seriesIdOf(name) : '';
		if (!name || !id) continue;
		const group = grouped.get(id) ?? { names: [], events: [] };
		group.names.push(name);
		group.events.push(event);
		grouped.set(id, group);
	}

	const all: Series[] = [];
	const places = new Map<string, EditionPlace>();
	const tracksOfTalks = new Map<string, SeriesTrack>();
	for (const [id, group] of grouped) {
		const editions = group.events
			.map((event) => {
				const talks = [...talksOf(event.id)];
				return {
					event,
					year: (event.data.start ?? event.data.month ?? '').slice(0, 4),
					talks,
					speakerCount: new Set(talks.flatMap(peopleOf)).size,
					roomCount: new Set(talks.flatMap(roomsOf).map(roomSlug)).size,
				};
			})
			.sort(
				(a, b) =>
					(a.event.data.start ?? a.event.data.month ?? '').localeCompare(
						b.event.data.start ?? b.event.data.month ?? '',
					) || a.event.id.localeCompare(b.event.id),
			);

		const tracks = new Map<string, SeriesTrack>();
		for (const edition of [...editions].reverse()) {
			for (const talk of edition.talks) {
				const spelling = talk.data.track;
				const key = spelling && trackSlug(spelling);
				if (!spelling || !key) continue;
				let track = tracks.get(key);
				if (!track)
					tracks.set(
						key,
						(track = {
							id: key,
							name: trackName(spelling),
							spellings: [],
							editions: [],
							talkCount: 0,
						}),
					);
				if (!track.spellings.includes(spelling)) track.spellings.push(spelling);
				if (track.editions.at(-1)?.event !== edition.event)
					track.editions.push({ event: edition.event, year: edition.year, talks: [] });
				track.editions.at(-1)!.talks.push(talk);
				track.talkCount++;
				tracksOfTalks.set(talk.id, track);
			}
		}

		// The name most of its events write ("FOSDEM"), the newest on a tie.
		const counts = new Map<string, number>();
		for (const name of group.names) counts.set(name, (counts.get(name) ?? 0) + 1);
		const newestName = editions.at(-1)!.event.data.series!;
		const name = [...counts].sort(
			([a, x], [b, y]) => y - x || Number(b === newestName) - Number(a === newestName),
		)[0]![0];
		const series: Series = {
			id,
			name,
			editions,
			tracks: [...tracks.values()].sort(
				(a, b) => b.talkCount - a.talkCount || a.name.localeCompare(b.name),
			),
			rooms: seriesRooms(editions),
			talkCount: editions.reduce((sum, edition) => sum + edition.talks.length, 0),
			speakerCount: new Set(editions.flatMap((edition) => edition.talks.flatMap(peopleOf))).size,
		};
		all.push(series);
		editions.forEach((edition, index) =>
			places.set(edition.event.id, {
				series,
				edition,
				previous: editions[index - 1],
				next: editions[index + 1],
			}),
		);
	}
	all.sort((a, b) => a.name.localeCompare(b.name));
	const byId = new Map(all.map((series) => [series.id, series]));

	return {
		/** By name. */
		all,
		get: (id: string) => byId.get(id),
		/** The series an event is an edition of, with the editions before and after it. */
		placeOf: (eventId: string) => places.get(eventId),
		/** The series track a talk is in, across the spellings of its editions. */
		trackOf: (talkId: string) => tracksOfTalks.get(talkId),
	};
}

export type SeriesIndex = ReturnType<typeof buildSeriesIndex>;

/** `2009–2026`, or one year. */
export const yearRange = (years: readonly string[]) => {
	const sorted = [...new Set(years.filter(Boolean))].sort();
	return sorted.length > 1 ? `${sorted[0]}–${sorted.at(-1)}` : (sorted[0] ?? '');
};

/**
 * A speaker's record in one line: "14 talks at FOSDEM, 2009–2026; tracks: Containers, Go", a
 * part per series (or event outside any series), most talks first, and their most frequent
 * tracks. Empty without talks.
 */
export function speakerSummary(
	talks: readonly Entry<'talks'>[],
	eventOf: (talk: Entry<'talks'>) => Entry<'events'>,
	series: SeriesIndex,
	maxTracks = 4,
): string {
	const groups = new Map<string, { label: string; count: number; years: string[] }>();
	const tracks = new Map<string, { name: string; count: number }>();
	for (const talk of talks) {
		const event = eventOf(talk);
		const place = series.placeOf(event.id);
		const key = place ? `series:${place.series.id}` : `event:${event.id}`;
		const group = groups.get(key) ?? {
			label: place ? place.series.name : event.data.title,
			count: 0,
			years: [],
		};
		group.count++;
		group.years.push((place?.edition.year ?? event.data.start ?? '').slice(0, 4));
		groups.set(key, group);
		const track = series.trackOf(talk.id);
		const name = track?.name ?? talk.data.track;
		if (name) {
			const known = tracks.get(track?.id ?? name) ?? { name, count: 0 };
			known.count++;
			tracks.set(track?.id ?? name, known);
		}
	}
	const parts = [...groups.values()]
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
		.map(({ label, count, years }) => {
			const range = yearRange(years);
			// A series' name says nothing about when; a single event's title usually does. One year
			// reads as the edition's name ("AlpineConf 2021"), several as a span ("FOSDEM, 2019–2024").
			const when =
				!range || label.includes(range) ? '' : range.includes('–') ? `, ${range}` : ` ${range}`;
			return `${countOf(count, 'talk')} at ${label}${when}`;
		});
	const topTracks = [...tracks.values()]
		.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
		.slice(0, maxTracks);
	if (topTracks.length)
		parts.push(
			`tracks: ${topTracks.map((track) => track.name).join(', ')}${tracks.size > maxTracks ? ', …' : ''}`,
		);
	return parts.join('; ');
}

/** A person's talks by event, newest event first, each in programme order. */
export function talksByEdition(
	talks: readonly Entry<'talks'>[],
	eventOf: (talk: Entry<'talks'>) => Entry<'events'>,
) {
	const groups = new Map<Entry<'events'>, Entry<'talks'>[]>();
	for (const talk of talks) {
		const event = eventOf(talk);
		const group = groups.get(event);
		if (group) group.push(talk);
		else groups.set(event, [talk]);
	}
	const date = (event: Entry<'events'>) => event.data.start ?? event.data.month ?? '';
	return [...groups]
		.map(([event, eventTalks]) => ({ event, talks: eventTalks }))
		.sort(
			(a, b) => date(b.event).localeCompare(date(a.event)) || a.event.id.localeCompare(b.event.id),
		);
}
