import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { eventCalendar } from '#lib/schedule/hub-export.ts';
import { eventSchedulePaths } from '#lib/schedule/routes.ts';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(eventCalendar(props.schedule), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
