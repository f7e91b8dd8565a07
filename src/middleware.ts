import { defineMiddleware } from 'astro:middleware';
import { cspMetaFirst } from './lib/site/csp-meta';

/** Every built HTML page gets its CSP `<meta>` first in `<head>` (src/lib/site/csp-meta.ts). */
export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	return new Response(cspMetaFirst(await response.text()), response);
});
