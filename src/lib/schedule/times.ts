import {
	fixedOffsetZone,
	formatOffset,
	isTimeZone,
	nextDate,
	offsetMinutes,
	parseOffset,
	wallClock,
	zonedDateTime,
} from '#lib/time.ts';
import { ScheduleError, type Schedule, type ScheduleTalk } from './model';

export interface ZoneChoice {
	timeZone: string;
	/** Set when the export's own zone was not usable and the offsets decided instead. */
	warning?: string;
}

/**
 * Decides the zone the talks' wall-clock times are in: the export's own `time_zone_name` when
 * its offsets agree (a series' editions may each name theirs), then `--timezone` (a fallback
 * for files that name none, or a wrong one), then the zone an earlier import recorded, then the
 * offsets themselves. Without any of these, times would be guesses: that is an error.
 */
export function chooseTimeZone(
	schedule: Schedule,
	file: string,
	options: { override?: string | undefined; existing?: string | undefined } = {},
): ZoneChoice {
	if (options.override && !isTimeZone(options.override)) {
		throw new ScheduleError(
			'--timezone',
			options.override,
			'expected an IANA time zone such as "Europe/Brussels"',
		);
	}
	const withOffsets = schedule.talks.flatMap((talk) => {
		const offset = talk.dateTime ? parseOffset(talk.dateTime) : undefined;
		return offset === undefined ? [] : [{ instant: new Date(Date.parse(talk.dateTime!)), offset }];
	});
	const agrees = (zone: string) =>
		withOffsets.every(({ instant, offset }) => offsetMinutes(instant, zone) === offset);
	const named =
		schedule.timeZoneName && isTimeZone(schedule.timeZoneName) ? schedule.timeZoneName : undefined;
	if (named && agrees(named)) {
		if (!options.override || options.override === named) return { timeZone: named };
		return {
			timeZone: named,
			warning: `${file}: time_zone_name "${named}" is used; --timezone ${options.override} is only for schedules that name no zone of their own`,
		};
	}
	if (options.override) return { timeZone: options.override };
	if (options.existing && agrees(options.existing)) return { timeZone: options.existing };

	const offsets = [...new Set(withOffsets.map(({ offset }) => offset))];
	const fixed = offsets.length === 1 ? fixedOffsetZone(offsets[0]!) : undefined;
	if (fixed) {
		const said = schedule.timeZoneName
			? `time_zone_name "${schedule.timeZoneName}" disagrees with`
			: 'no time_zone_name, only';
		return {
			timeZone: fixed,
			warning: `${file}: ${said} the offset ${formatOffset(offsets[0]!)} in the talks' dates; using ${fixed}. Pass --timezone <IANA zone> to name the real zone.`,
		};
	}
	throw new ScheduleError(
		file,
		'conference',
		offsets.length > 1
			? `the talks' dates carry several offsets (${offsets.map((offset) => formatOffset(offset)).join(', ')}) that no time_zone_name explains: pass --timezone <IANA zone>`
			: `no time zone: the schedule has no usable time_zone_name and no offsets; pass --timezone <IANA zone>, e.g. --timezone Europe/Brussels`,
	);
}

/**
 * The calendar day and start of a talk in `timeZone`. An offset in the export wins over the
 * wall clock; without one, a talk listed under a day but before that day's start (a party at
 * 01:00) happens on the next calendar date.
 */
export function settleTalkTime(
	talk: ScheduleTalk,
	timeZone: string,
	dayStart?: string,
): { day: string; start: string } {
	if (talk.dateTime && parseOffset(talk.dateTime) !== undefined) {
		const instant = Date.parse(talk.dateTime);
		if (!Number.isNaN(instant)) return wallClock(instant, timeZone);
	}
	const date = dayStart && talk.start < dayStart ? nextDate(talk.dayDate) : talk.dayDate;
	return wallClock(Date.parse(zonedDateTime(date, talk.start, timeZone)), timeZone);
}
