import { loadCacheKeys, loadHub } from '../hub';
import type { Entry } from '../hub-index';
import { siteConfig } from '../../site.config';
import { withBase } from '../urls';
import { exportEvent, schedulableEvents } from './hub-export';
import type { ExportEvent } from './export-model';

export interface ScheduleRouteProps {
	schedule: ExportEvent;
}

/** Absolute URLs for the site paths the exports link to (calendar apps need whole URLs). */
const absoluteUrl = (path: string) => new URL(withBase(path), siteConfig.url).href;

/** One export per event with a timed programme; shared by the schedule.{ics,xml,json} routes. */
export async function eventSchedulePaths() {
	const [hub, keys] = await Promise.all([loadHub(), loadCacheKeys()]);
	return schedulableEvents(hub).map((event) => ({
		params: { id: event.id },
		props: { schedule: exportEvent(event, hub, absoluteUrl) } satisfies ScheduleRouteProps,
		cacheKey: keys.schedule(event, hub.talksOf(event.id)),
	}));
}

/** One calendar file per timed talk of such an event. */
export async function talkCalendarPaths() {
	const [hub, keys] = await Promise.all([loadHub(), loadCacheKeys()]);
	return schedulableEvents(hub).flatMap((event: Entry<'events'>) => {
		const schedule = exportEvent(event, hub, absoluteUrl);
		return schedule.talks.map((talk) => ({
			params: { id: talk.id },
			props: { schedule, talk },
			cacheKey: keys.schedule(event, [hub.get({ collection: 'talks', id: talk.id })]),
		}));
	});
}
