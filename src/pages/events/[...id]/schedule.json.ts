import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { frabJson } from '../../../lib/schedule/export-frab';
import { eventSchedulePaths } from '../../../lib/schedule/routes';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, url }) =>
	new Response(frabJson(props.schedule, url.href), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
