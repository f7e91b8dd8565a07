import type { CollectionData } from '#schemas/index.ts';

type EventData = CollectionData<'events'>;
import { buildDay, formatDateRange, formatMonth, formatPlainDate } from './dates';

const formatLabels = { virtual: 'Virtual', 'in-person': 'In person', hybrid: 'Hybrid' } as const;

/**
 * Whether an announced event's date is behind `today` (`YYYY-MM-DD`, the build's day): the
 * announcement is all the hub knows, and pages must not read as if it were still to come.
 */
export function announcementPassed(event: EventData, today: string): boolean {
	if (event.status !== 'announced') return false;
	const last = event.end ?? event.start ?? (event.month ? `${event.month}-31` : undefined);
	return last !== undefined && last < today;
}

/**
 * When an event is: `1–2 February 2020`; for an announcement `expected November 2021`, or
 * `planned for November 2021` once that month is behind `today`.
 */
export function eventWhen(event: EventData, today = buildDay): string {
	if (event.start && event.end) {
		return event.start === event.end
			? formatPlainDate(event.start)
			: formatDateRange(event.start, event.end);
	}
	if (event.month)
		return `${announcementPassed(event, today) ? 'planned for' : 'expected'} ${formatMonth(event.month)}`;
	return 'date to be announced';
}

/** An event's status as a reader needs it today: nothing for a held one. */
export function eventStatusLabel(event: EventData, today = buildDay): string {
	if (event.status === 'cancelled') return 'Cancelled';
	if (event.status !== 'announced') return '';
	return announcementPassed(event, today)
		? 'Announced; the date has passed with no news of it'
		: 'Announced';
}

/** Where an event is: venue and city for a physical event, platform for a virtual one. */
export function eventWhere(event: EventData): string {
	return [event.venue, event.city, event.country, event.platform].filter(Boolean).join(', ');
}

/** Attendance in words, keeping the source's qualifiers: `over 700 participants; nearly 100 at once`. */
export function eventAttendance({ attendance }: EventData): string | undefined {
	if (!attendance) return undefined;
	const count = (qualifier: string | undefined, value: number) =>
		[qualifier, value.toLocaleString('en')].filter(Boolean).join(' ');
	const parts = [
		attendance.total && `${count(attendance.totalQualifier, attendance.total)} participants`,
		attendance.peakConcurrent &&
			`${count(attendance.peakConcurrentQualifier, attendance.peakConcurrent)} at once`,
		attendance.note,
	].filter(Boolean);
	return parts.length ? parts.join('; ') : undefined;
}

/** One line for cards: `1–2 February 2020 · ULB, Brussels · In person`. */
export function eventSummaryLine(event: EventData, today = buildDay): string {
	return [
		eventWhen(event, today),
		eventWhere(event),
		event.format && formatLabels[event.format],
		eventStatusLabel(event, today),
	]
		.filter(Boolean)
		.join(' · ');
}

/**
 * Events in the order a reader wants them today: what is coming or under way first (soonest
 * first), then those held, newest first, then announcements whose date has passed.
 */
export function currentEventsFirst<T extends { data: EventData }>(
	events: readonly T[],
	today = buildDay,
): T[] {
	const rank = ({ data }: T) =>
		announcementPassed(data, today)
			? 2
			: (data.end ?? (data.month ? `${data.month}-31` : '9999')) >= today
				? 0
				: 1;
	const day = ({ data }: T) => data.start ?? data.month ?? '';
	return [...events].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(rank(a) === 0 ? day(a).localeCompare(day(b)) : day(b).localeCompare(day(a))),
	);
}

export { formatLabels as eventFormatLabels };

/** `1 talk`, `12 talks`, `1,024 talks`: every count a reader sees says its noun this way. */
export const countOf = (count: number, one: string, many = `${one}s`) =>
	`${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The span of several counts in words: "40 to 150 rooms", or "2 rooms" when they are all one. */
export function countRange(counts: readonly number[], one: string, many = `${one}s`): string {
	const fewest = Math.min(...counts);
	const most = Math.max(...counts);
	return fewest === most
		? countOf(most, one, many)
		: `${fewest.toLocaleString('en')} to ${most.toLocaleString('en')} ${many}`;
}

/** What an event holds, for its card: `12 talks · 1 recap`; nothing for an empty one. */
export function eventContentsLine(talks: number, recaps: number): string | undefined {
	const parts = [
		talks > 0 && countOf(talks, 'talk'),
		recaps > 0 && countOf(recaps, 'recap'),
	].filter(Boolean);
	return parts.length ? parts.join(' · ') : undefined;
}
