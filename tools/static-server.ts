import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.ics': 'text/calendar; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8',
};

/** The `Content-Type` a static host sends for a file. */
const contentTypeOf = (file: string) =>
	contentTypes[path.extname(file)] ?? 'application/octet-stream';

const statOf = (file: string) => stat(file).catch(() => undefined);

/**
 * The file under `root` that a URL path is served from, as static hosts resolve it: the file
 * itself, or a folder's `index.html`. Undefined for anything else, including paths that leave
 * `root` however they are encoded (`/..%2f`, a sibling folder sharing `root`'s name as a prefix).
 */
export async function resolveStaticFile(
	root: string,
	urlPath: string,
): Promise<string | undefined> {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return undefined;
	}
	const candidate = path.join(root, decoded);
	const inside = path.relative(root, candidate);
	if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))
		return undefined;
	const info = await statOf(candidate);
	if (info?.isFile()) return candidate;
	const index = path.join(candidate, 'index.html');
	if (info?.isDirectory() && (await statOf(index))?.isFile()) return index;
	return undefined;
}

/** Streams a file with its content type. */
export function sendFile(
	response: ServerResponse,
	file: string,
	status = 200,
	headers: Record<string, string> = {},
) {
	response.writeHead(status, { 'content-type': contentTypeOf(file), ...headers });
	createReadStream(file).pipe(response);
}

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 the way static hosts do (`/x/` → `/x/index.html`, `404.html`
 * for misses), for `npm run check`, the benchmarks and the browser tests alike.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
	const server = createServer(async (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		const file = await resolveStaticFile(root, pathname);
		if (file) return sendFile(response, file);
		const notFound = await resolveStaticFile(root, '/404.html');
		if (notFound) return sendFile(response, notFound, 404);
		response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		// Kept-alive connections would otherwise go on answering: offline tests need a real outage.
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
