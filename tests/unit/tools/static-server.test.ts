import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile, serveStatic, type StaticServer } from '#tools/static-server.ts';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function get(
	url: string,
	rawPath: string,
): Promise<{ status: number; type: string; body: string }> {
	return new Promise((resolve, reject) => {
		const { hostname, port } = new URL(url);
		request({ hostname, port, path: rawPath }, (response) => {
			let body = '';
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode!,
					type: String(response.headers['content-type']),
					body,
				}),
			);
		})
			.on('error', reject)
			.end();
	});
}

describe('the static server', () => {
	let parent: string;
	let site: string;
	let server: StaticServer;
	beforeAll(async () => {
		parent = await mkdtemp(path.join(tmpdir(), 'edelweiss-static-'));
		site = path.join(parent, 'dist');
		await mkdir(path.join(site, 'talks/x'), { recursive: true });
		await mkdir(path.join(parent, 'dist-private'), { recursive: true });
		await writeFile(path.join(site, 'index.html'), 'home');
		await writeFile(path.join(site, '404.html'), 'missing');
		await writeFile(path.join(site, 'talks/x/index.html'), 'talk x');
		await writeFile(path.join(site, 'app.js'), 'js');
		await writeFile(path.join(parent, 'secret.txt'), 'secret');
		await writeFile(path.join(parent, 'dist-private/secret.txt'), 'secret');
		server = await serveStatic(site);
	});
	afterAll(async () => {
		await server.close();
		await rm(parent, { recursive: true, force: true });
	});

	it('serves files and folders’ index pages with their content types', async () => {
		expect(await get(server.url, '/talks/x/')).toEqual({
			status: 200,
			type: 'text/html; charset=utf-8',
			body: 'talk x',
		});
		expect(await get(server.url, '/talks/x')).toMatchObject({ status: 200, body: 'talk x' });
		expect(await get(server.url, '/app.js')).toMatchObject({
			status: 200,
			type: 'text/javascript; charset=utf-8',
		});
	});

	it('answers a miss with the 404 page', async () => {
		expect(await get(server.url, '/talks/y/')).toMatchObject({ status: 404, body: 'missing' });
	});

	it('never serves a file outside the site, however the path is written', async () => {
		for (const rawPath of [
			'/../secret.txt',
			'/..%2fsecret.txt',
			'/%2e%2e%2fsecret.txt',
			'/..%2fdist-private/secret.txt',
			'/%2e%2e/dist-private/secret.txt',
			'/%E0%A4%A',
		]) {
			expect(await get(server.url, rawPath), rawPath).toMatchObject({
				status: 404,
				body: 'missing',
			});
		}
	});

	it('resolves paths for link checks and the dev server the same way', async () => {
		expect(await resolveStaticFile(site, '/')).toBe(path.join(site, 'index.html'));
		expect(await resolveStaticFile(site, '/talks/x/')).toBe(path.join(site, 'talks/x/index.html'));
		expect(await resolveStaticFile(site, '/talks/')).toBeUndefined();
		expect(await resolveStaticFile(site, '/../dist-private/secret.txt')).toBeUndefined();
		expect(await resolveStaticFile(path.join(site, 'talks'), '/x/index.html')).toBe(
			path.join(site, 'talks/x/index.html'),
		);
	});
});
