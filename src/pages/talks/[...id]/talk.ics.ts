import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { eventCalendar } from '../../../lib/schedule/hub-export';
import { talkCalendarPaths } from '../../../lib/schedule/routes';

export const getStaticPaths = (() => talkCalendarPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(eventCalendar(props.schedule, props.talk), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
