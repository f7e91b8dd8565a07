import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { frabJson } from '#lib/schedule/export-frab.ts';
import { eventSchedulePaths } from '#lib/schedule/routes.ts';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, url }) =>
	new Response(frabJson(props.schedule, url.href), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
