import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
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

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 the way static hosts do: `/x/` → `/x/index.html`, 404.html for misses. */
export async function serveStatic(root: string): Promise<StaticServer> {
	const resolveFile = async (pathname: string) => {
		const candidate = path.join(root, decodeURIComponent(pathname));
		if (!candidate.startsWith(root)) return undefined;
		const info = await stat(candidate).catch(() => undefined);
		if (info?.isFile()) return candidate;
		if (info?.isDirectory()) {
			const index = path.join(candidate, 'index.html');
			if (await stat(index).catch(() => undefined)) return index;
		}
		return undefined;
	};
	const server: Server = createServer(async (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		const file = await resolveFile(pathname);
		const served = file ?? (await resolveFile('/404.html'));
		if (!served) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		response.writeHead(file ? 200 : 404, {
			'content-type': contentTypes[path.extname(served)] ?? 'application/octet-stream',
		});
		createReadStream(served).pipe(response);
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
