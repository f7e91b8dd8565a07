import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveStaticFile, sendFile } from '#tools/static-server.ts';

export const missingIndexHint =
	'No search index yet: run `npm run build` once; `npm run dev` then searches the last build.';

/**
 * Connect middleware for `astro dev` that serves `<bundle>/` (the last build's Pagefind bundle)
 * under `<mount>`: the dev server renders pages on demand, so it has no index of its own.
 * Files are looked up on every request, so a build made while dev runs is picked up at once.
 */
export function serveBuiltPagefind(bundle: string, mount: string) {
	return async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
		const { pathname } = new URL(request.url ?? '/', 'http://dev');
		if (!pathname.startsWith(mount)) return next();
		const file = await resolveStaticFile(bundle, pathname.slice(mount.length - 1));
		if (!file) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(`${missingIndexHint}\n`);
			return;
		}
		sendFile(response, file, 200, { 'cache-control': 'no-store' });
	};
}
