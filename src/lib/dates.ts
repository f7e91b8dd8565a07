/** Date and time helpers. Plain dates are `YYYY-MM-DD` strings; wall-clock times are `HH:MM` in an event's zone. */

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const utcDate = (plainDate: string) => new Date(`${plainDate}T00:00:00Z`);

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

/** Adds minutes to `HH:MM`, wrapping past midnight: `23:30` + 45 → `00:15`. */
export function addMinutes(time: string, minutes: number): string {
	const [hours, mins] = time.split(':').map(Number);
	const total = (((hours! * 60 + mins! + minutes) % 1440) + 1440) % 1440;
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
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

/** One formatter per zone: creating an `Intl.DateTimeFormat` per call took 7% of a 1,000-talk build. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
	let format = offsetFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
		offsetFormats.set(timeZone, format);
	}
	return format;
}

/** The UTC offset of `timeZone` at an instant, in minutes (Brussels in winter: 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
	const name = offsetFormat(timeZone)
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')!.value;
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	if (!match) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

const formatOffset = (minutes: number) => {
	const sign = minutes < 0 ? '-' : '+';
	const absolute = Math.abs(minutes);
	return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
};

/**
 * The instant a wall-clock time on a day in a zone stands for, as ISO 8601 with its offset:
 * (`2020-02-01`, `10:30`, `Europe/Brussels`) → `2020-02-01T10:30:00+01:00`.
 */
export function zonedDateTime(day: string, time: string, timeZone: string): string {
	const wallClockAsUtc = Date.parse(`${day}T${time}:00Z`);
	// Two passes settle the offset across a DST change.
	let offset = offsetMinutes(new Date(wallClockAsUtc), timeZone);
	offset = offsetMinutes(new Date(wallClockAsUtc - offset * 60_000), timeZone);
	return `${day}T${time}:00${formatOffset(offset)}`;
}

/** The year of a plain date or month. */
export const yearOf = (dateOrMonth: string) => Number(dateOrMonth.slice(0, 4));
