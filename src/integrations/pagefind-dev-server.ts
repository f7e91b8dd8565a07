import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
};

export const missingIndexHint = 'No search index yet: run `npm run build` once; `npm run dev` then searches the last build.';

/**
 * Connect middleware for `astro dev` that serves `<bundle>/` (the last build's Pagefind bundle)
 * under `<mount>`: the dev server renders pages on demand, so it has no index of its own.
 * Files are looked up on every request, so a build made while dev runs is picked up at once.
 */
export function serveBuiltPagefind(bundle: string, mount: string) {
	return async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
		if (!pathname.startsWith(mount)) return next();
		const file = path.join(bundle, pathname.slice(mount.length));
		const found = file.startsWith(bundle + path.sep) && (await stat(file).catch(() => undefined))?.isFile();
		if (!found) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(`${missingIndexHint}\n`);
			return;
		}
		response.writeHead(200, {
			'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-store',
		});
		createReadStream(file).pipe(response);
	};
}
