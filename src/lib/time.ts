/**
 * Time zones, UTC offsets and clock arithmetic, for pages, imports, exports and calendars alike.
 * Plain dates are `YYYY-MM-DD`, wall-clock times `HH:MM` in a zone, offsets minutes east of UTC.
 * Zones come from the runtime's IANA data through `Intl`; there is no date library to keep.
 */

const plainDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2021-13-01 and 2021-02-30). */
export function isPlainDate(value: string): boolean {
	const match = plainDatePattern.exec(value);
	if (!match) return false;
	const [, y, m, d] = match.map(Number);
	const date = new Date(Date.UTC(y!, m! - 1, d!));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** The date a date or date-time begins with (`2020-02-01T10:00:00+01:00` → `2020-02-01`), if it is a real one. */
export function plainDateOf(text: string | undefined): string | undefined {
	const date = text?.slice(0, 10);
	return date && isPlainDate(date) ? date : undefined;
}

/** The calendar date after `date`: `2020-02-29` → `2020-03-01`. */
export const nextDate = (date: string) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The calendar date before `date`: `2020-03-01` → `2020-02-29`. */
export const previousDate = (date: string) =>
	new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The conference day a talk on `day` at `start` belongs to: conferences count a party at 00:50
 * as part of the day before, up to the hour their day changes (frab's `day_change`, pretalx's
 * `day_start`: `dayChange`). Its date and time stay what they are.
 */
export function conferenceDay(
	day: string,
	start: string | undefined,
	dayChange: string | undefined,
): string {
	return start && dayChange && start < dayChange ? previousDate(day) : day;
}

/** Minutes as hours and minutes on a clock: 90 → `01:30`; with `separator: ''`, `0130`. */
export function clockText(minutes: number, separator = ':'): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}${separator}${String(minutes % 60).padStart(2, '0')}`;
}

/** `HH:MM` as minutes since midnight: `10:30` → 630. */
export function clockMinutes(time: string): number {
	const [hours, minutes] = time.split(':').map(Number);
	return hours! * 60 + minutes!;
}

/** Adds minutes to `HH:MM`, wrapping past midnight: `23:30` + 45 → `00:15`. */
export function addMinutes(time: string, minutes: number): string {
	return clockText((((clockMinutes(time) + minutes) % 1440) + 1440) % 1440);
}

/** True for a time zone name the runtime's IANA database knows (`Europe/Brussels`, `UTC`; not `CET`). */
export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return value.includes('/') || value === 'UTC';
	} catch {
		return false;
	}
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

/** The UTC offset of `timeZone` at an instant (a `Date` or milliseconds), in minutes: Brussels in winter is 60. */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
	const name = offsetFormat(timeZone)
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')!.value;
	return parseOffset(name.replace(/^GMT$/, 'Z').replace(/^GMT/, '')) ?? 0;
}

/** 60 → `+01:00`; with `separator: ''`, `+0100` as iCalendar writes it. */
export function formatOffset(minutes: number, separator = ':'): string {
	return `${minutes < 0 ? '-' : '+'}${clockText(Math.abs(minutes), separator)}`;
}

/** An offset alone (`+01:00`, `+0100`, `Z`) or ending a date-time that has a time of day. */
const offsetPattern = /^(?:.*T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** The offset of an ISO 8601 date-time (`2020-02-01T10:00:00+01:00`) or an offset alone, in minutes; undefined when it has none. */
export function parseOffset(text: string): number | undefined {
	const match = offsetPattern.exec(text);
	if (!match) return undefined;
	if (match[1] === 'Z') return 0;
	const minutes = Number(match[3]) * 60 + Number(match[4]);
	return match[2] === '-' ? -minutes : minutes;
}

/** An IANA zone for a fixed whole-hour offset: +01:00 → `Etc/GMT-1` (the sign is inverted by design). */
export function fixedOffsetZone(minutes: number): string | undefined {
	if (minutes === 0) return 'UTC';
	if (minutes % 60 !== 0) return undefined;
	const hours = minutes / 60;
	return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/**
 * The instant a wall-clock time on a day in a zone stands for, as ISO 8601 with its offset:
 * (`2020-02-01`, `10:30`, `Europe/Brussels`) → `2020-02-01T10:30:00+01:00`.
 */
export function zonedDateTime(day: string, time: string, timeZone: string): string {
	const wallClockAsUtc = Date.parse(`${day}T${time}:00Z`);
	// Two passes settle the offset across a DST change.
	let offset = offsetMinutes(wallClockAsUtc, timeZone);
	offset = offsetMinutes(wallClockAsUtc - offset * 60_000, timeZone);
	return `${day}T${time}:00${formatOffset(offset)}`;
}

/** The calendar date and `HH:MM` an instant (in milliseconds) shows on a clock in `timeZone`. */
export function wallClock(instant: number, timeZone: string): { day: string; start: string } {
	const shifted = new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString();
	return { day: shifted.slice(0, 10), start: shifted.slice(11, 16) };
}
