import type { APIRoute, GetStaticPaths } from 'astro';
import { frabJson } from '../../../lib/schedule/export-frab';
import { eventSchedulePaths, type ScheduleRouteProps } from '../../../lib/schedule/routes';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, url }) =>
	new Response(frabJson((props as ScheduleRouteProps).schedule, url.href), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
