import type { APIRoute, GetStaticPaths } from 'astro';
import type { ExportTalk } from '../../../lib/schedule/export-model';
import { eventCalendar } from '../../../lib/schedule/hub-export';
import { talkCalendarPaths, type ScheduleRouteProps } from '../../../lib/schedule/routes';

export const getStaticPaths = (() => talkCalendarPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { schedule, talk } = props as ScheduleRouteProps & { talk: ExportTalk };
	return new Response(eventCalendar(schedule, talk), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
};
