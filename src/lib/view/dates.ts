/**
 * Dates and times as readers see them on a page. Plain dates are `YYYY-MM-DD` strings; wall-clock
 * times are `HH:MM` in an event's zone. Zones, offsets and clock arithmetic are in `time.ts`.
 */
import { addMinutes } from '#lib/time.ts';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});
const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});

const utcDate = (plainDate: string) => new Date(`${plainDate}T00:00:00Z`);

/** The day the site is built (UTC, `YYYY-MM-DD`): what "passed" and "current" are read against. */
export const buildDay = new Date().toISOString().slice(0, 10);

/** `2021-05-18` → `18 May 2021` */
export function formatPlainDate(plainDate: string): string {
	return dayFormat.format(utcDate(plainDate));
}

/** `2020-02-01` → `Saturday 1 February 2020` */
export function formatDayHeading(plainDate: string): string {
	return weekdayFormat.format(utcDate(plainDate));
}

/** `2021-11` → `November 2021` */
export function formatMonth(month: string): string {
	return monthFormat.format(utcDate(`${month}-01`));
}

/** `1 February 2020` → `1–2 February 2020`, spanning months and years as needed. */
export function formatDateRange(start: string, end: string): string {
	return dayFormat.formatRange(utcDate(start), utcDate(end));
}

/** `10:30` and 40 minutes → `10:30–11:10` */
export function formatTimeRange(start: string, duration?: number): string {
	return duration ? `${start}–${addMinutes(start, duration)}` : start;
}

/** 90 → `1 h 30 min` */
export function formatDuration(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
}
