import type { APIRoute, GetStaticPaths } from 'astro';
import { frabXml } from '../../../lib/schedule/export-frab';
import { eventSchedulePaths, type ScheduleRouteProps } from '../../../lib/schedule/routes';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, url }) =>
	new Response(frabXml((props as ScheduleRouteProps).schedule, url.href), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
