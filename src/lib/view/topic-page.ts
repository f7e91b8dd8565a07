import type { Bar } from './bar-chart';
import { eventDate, type Entry, type HubIndex } from '#lib/hub/hub-index.ts';

/**
 * What a topic's page derives from its talks (`src/pages/topics/[...id].astro`): the talks by
 * year, the chart's rows per year and series, and who spoke about it most.
 */

/** The year a talk was given: its day's, else its event's. */
export const talkYear = (hub: HubIndex, talk: Entry<'talks'>) =>
	(talk.data.day ?? eventDate(hub.get(talk.data.event))).slice(0, 4);

/** Talks grouped by year, newest year first, each year in the order given (programme order). */
export function talksByYear(
	hub: HubIndex,
	talks: readonly Entry<'talks'>[],
): { year: string; talks: Entry<'talks'>[] }[] {
	const years = new Map<string, Entry<'talks'>[]>();
	for (const talk of talks) {
		const year = talkYear(hub, talk);
		years.set(year, [...(years.get(year) ?? []), talk]);
	}
	return [...years]
		.sort(([a], [b]) => b.localeCompare(a))
		.map(([year, grouped]) => ({ year, talks: grouped }));
}

export interface YearSeriesRow {
	year: string;
	/** The series' name, or the event's title for an event outside any series. */
	series: string;
	talks: number;
}

/** Talks counted per year and series, oldest first, then by series: the chart's bars and its table's rows. */
export function talksPerYearAndSeries(
	hub: HubIndex,
	talks: readonly Entry<'talks'>[],
): YearSeriesRow[] {
	const rows = new Map<string, YearSeriesRow>();
	for (const talk of talks) {
		const year = talkYear(hub, talk);
		const series =
			hub.series.placeOf(talk.data.event.id)?.series.name ?? hub.get(talk.data.event).data.title;
		const key = `${year}\0${series}`;
		const row = rows.get(key) ?? { year, series, talks: 0 };
		row.talks++;
		rows.set(key, row);
	}
	return [...rows.values()].sort(
		(a, b) => a.year.localeCompare(b.year) || a.series.localeCompare(b.series),
	);
}

/** A row as a bar: `FOSDEM 2020`, or an event's own title when it already names its year. */
export const yearSeriesBar = (row: YearSeriesRow): Bar => ({
	label: row.series.includes(row.year) ? row.series : `${row.series} ${row.year}`,
	value: row.talks,
});

/** The people who gave most of the talks, most talks first, then by name; at most `limit`. */
export function frequentSpeakers(
	hub: HubIndex,
	talks: readonly Entry<'talks'>[],
	limit: number,
): { person: Entry<'people'>; talks: number }[] {
	const counts = new Map<string, number>();
	for (const talk of talks)
		for (const ref of talk.data.speakers) counts.set(ref.id, (counts.get(ref.id) ?? 0) + 1);
	return [...counts]
		.map(([id, count]) => ({ person: hub.get({ collection: 'people', id }), talks: count }))
		.sort((a, b) => b.talks - a.talks || a.person.data.name.localeCompare(b.person.data.name))
		.slice(0, limit);
}
