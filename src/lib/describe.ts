import type { CollectionData } from '../schemas';

type EventData = CollectionData<'events'>;
import { formatDateRange, formatMonth, formatPlainDate } from './dates';

const formatLabels = { virtual: 'Virtual', 'in-person': 'In person', hybrid: 'Hybrid' } as const;

/** When an event is: `1–2 February 2020`, or `expected November 2021` for an announcement. */
export function eventWhen(event: EventData): string {
	if (event.start && event.end) {
		return event.start === event.end ? formatPlainDate(event.start) : formatDateRange(event.start, event.end);
	}
	if (event.month) return `expected ${formatMonth(event.month)}`;
	return 'date to be announced';
}

/** Where an event is: venue and city for a physical event, platform for a virtual one. */
export function eventWhere(event: EventData): string {
	return [event.venue, event.city, event.country, event.platform].filter(Boolean).join(', ');
}

/** Attendance in words, keeping the source's qualifiers: `over 700 participants; nearly 100 at once`. */
export function eventAttendance({ attendance }: EventData): string | undefined {
	if (!attendance) return undefined;
	const count = (qualifier: string | undefined, value: number) => [qualifier, value.toLocaleString('en')].filter(Boolean).join(' ');
	const parts = [
		attendance.total && `${count(attendance.totalQualifier, attendance.total)} participants`,
		attendance.peakConcurrent && `${count(attendance.peakConcurrentQualifier, attendance.peakConcurrent)} at once`,
		attendance.note,
	].filter(Boolean);
	return parts.length ? parts.join('; ') : undefined;
}

/** One line for cards: `1–2 February 2020 · ULB, Brussels · In person`. */
export function eventSummaryLine(event: EventData): string {
	const status = event.status === 'held' ? '' : event.status === 'announced' ? 'Announced' : 'Cancelled';
	return [eventWhen(event), eventWhere(event), event.format && formatLabels[event.format], status].filter(Boolean).join(' · ');
}

export { formatLabels as eventFormatLabels };

/** `1 talk`, `12 talks`, `1,024 talks`: every count a reader sees says its noun this way. */
export const countOf = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** What an event holds, for its card: `12 talks · 1 recap`; nothing for an empty one. */
export function eventContentsLine(talks: number, recaps: number): string | undefined {
	const parts = [talks > 0 && countOf(talks, 'talk'), recaps > 0 && countOf(recaps, 'recap')].filter(Boolean);
	return parts.length ? parts.join(' · ') : undefined;
}
