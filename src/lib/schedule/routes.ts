import { readFile } from 'node:fs/promises';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { loadCacheKeys, loadHub } from '#lib/hub/hub.ts';
import type { Entry } from '#lib/hub/hub-index.ts';
import { absoluteUrl } from '#lib/view/urls.ts';
import { markdownBody } from '#lib/validation/frontmatter.ts';
import { exportEvent, schedulableEvents } from './hub-export';
import type { ExportEvent } from './export-model';

/**
 * The talks' Markdown bodies, by id, read from their files: the content cache keeps none
 * (`retainBody: false` halves it at 10,000 talks), and only exported talks need them.
 */
async function talkBodies(talks: readonly Entry<'talks'>[]): Promise<Map<string, string>> {
	const bodies = await mapConcurrently(talks, fileConcurrency, async (talk) =>
		talk.filePath ? markdownBody(await readFile(talk.filePath, 'utf8')) : '',
	);
	return new Map(talks.map((talk, index) => [talk.id, bodies[index]!]));
}

let schedules: Promise<ExportEvent[]> | undefined;

/** Every event with a timed programme as the writers take it, made once per build for all export routes. */
function exportSchedules(): Promise<ExportEvent[]> {
	schedules ??= loadHub().then((hub) =>
		Promise.all(
			schedulableEvents(hub).map(async (event) =>
				exportEvent(event, hub, absoluteUrl, await talkBodies(hub.talksOf(event.id))),
			),
		),
	);
	return schedules;
}

/** One export per event with a timed programme; shared by the schedule.{ics,xml,json} routes. */
export async function eventSchedulePaths() {
	const [exported, hub, keys] = await Promise.all([exportSchedules(), loadHub(), loadCacheKeys()]);
	return exported.map((schedule) => ({
		params: { id: schedule.id },
		props: { schedule },
		cacheKey: keys.schedule(
			hub.get({ collection: 'events', id: schedule.id }),
			hub.talksOf(schedule.id),
		),
	}));
}

/** One calendar file per timed talk of such an event, holding every session of the talk. */
export async function talkCalendarPaths() {
	const [exported, hub, keys] = await Promise.all([exportSchedules(), loadHub(), loadCacheKeys()]);
	return exported.flatMap((schedule) =>
		schedule.talks
			.filter((talk) => !talk.session)
			.map((talk) => ({
				params: { id: talk.id },
				props: { schedule, talk },
				cacheKey: keys.schedule(hub.get({ collection: 'events', id: schedule.id }), [
					hub.get({ collection: 'talks', id: talk.id }),
				]),
			})),
	);
}
