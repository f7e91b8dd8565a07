import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { eventCalendar } from '#lib/schedule/hub-export.ts';
import { talkCalendarPaths } from '#lib/schedule/routes.ts';

export const getStaticPaths = (() => talkCalendarPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(eventCalendar(props.schedule, props.talk), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
