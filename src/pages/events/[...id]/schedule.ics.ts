import type { APIRoute, GetStaticPaths } from 'astro';
import { eventCalendar } from '../../../lib/schedule/hub-export';
import { eventSchedulePaths, type ScheduleRouteProps } from '../../../lib/schedule/routes';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(eventCalendar((props as ScheduleRouteProps).schedule), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
