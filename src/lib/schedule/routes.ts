import { loadHub } from '../hub';
import type { Entry } from '../hub-index';
import { absoluteUrl } from '../urls';
import { exportEvent, schedulableEvents } from './hub-export';
import type { ExportEvent } from './export-model';

export interface ScheduleRouteProps {
	schedule: ExportEvent;
}

/** One export per event with a timed programme; shared by the schedule.{ics,xml,json} routes. */
export async function eventSchedulePaths() {
	const hub = await loadHub();
	return schedulableEvents(hub).map((event) => ({
		params: { id: event.id },
		props: { schedule: exportEvent(event, hub, absoluteUrl) } satisfies ScheduleRouteProps,
	}));
}

/** One calendar file per timed talk of such an event. */
export async function talkCalendarPaths() {
	const hub = await loadHub();
	return schedulableEvents(hub).flatMap((event: Entry<'events'>) => {
		const schedule = exportEvent(event, hub, absoluteUrl);
		return schedule.talks.map((talk) => ({ params: { id: talk.id }, props: { schedule, talk } }));
	});
}
