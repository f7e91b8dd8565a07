import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { frabXml } from '#lib/schedule/export-frab.ts';
import { eventSchedulePaths } from '#lib/schedule/routes.ts';

export const getStaticPaths = (() => eventSchedulePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, url }) =>
	new Response(frabXml(props.schedule, url.href), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
