import { existsSync } from 'node:fs';
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureDevServer } from '#tools/bench/dev-server.ts';
import { scratchSite } from '../../../helpers/scratch-site';

/**
 * A stand-in for `astro dev` (Astro itself is the benchmark's): it prints how it was started,
 * starts a process of its own, and serves `/talks/x/` from the talk file as it is on disk.
 */
const fakeDevServer = `#!${process.execPath}
const { spawn } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:http');
const args = process.argv.slice(2);
console.log('astro ' + args.join(' ') + ' background=' + process.env.ASTRO_DEV_BACKGROUND + ' telemetry-disabled=' + process.env.ASTRO_TELEMETRY_DISABLED);
writeFileSync('watcher.pid', String(spawn('sleep', ['600'], { stdio: 'ignore' }).pid));
const server = createServer((request, response) => {
	if (request.url !== '/talks/x/') return response.writeHead(404).end();
	response.end('<!doctype html><html><body>' + readFileSync(process.env.TALK_FILE, 'utf8') + '</body></html>');
}).listen(0, '127.0.0.1', () => console.log('┃ Local    http://127.0.0.1:' + server.address().port + '/'));
`;

/** Whether a process has ended (a zombie has: it only waits to be reaped). */
const ended = async (pid: number) =>
	!existsSync(`/proc/${pid}`) ||
	/ Z /.test(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ' Z '));

describe('measureDevServer', async () => {
	const root = await scratchSite({
		'node_modules/.bin/astro': fakeDevServer,
		'content/talks/x.md': '---\ntitle: X\n---\n\nThe talk.\n',
	});
	await chmod(path.join(root, 'node_modules/.bin/astro'), 0o755);
	const talkFile = path.join(root, 'content/talks/x.md');
	const log = path.join(root, 'dev.log');

	it('times the first page, an edit showing on it and a second start, then stops the servers and what they started', async () => {
		const measured = await measureDevServer(
			root,
			{ TALK_FILE: talkFile },
			'/talks/x/',
			talkFile,
			log,
		);
		expect(measured.firstPageSeconds).toBeGreaterThan(0);
		expect(measured.editVisibleSeconds).toBeGreaterThanOrEqual(0);
		expect(measured.secondStartSeconds).toBeGreaterThan(0);
		expect(await readFile(talkFile, 'utf8')).toMatch(
			/^---\ntitle: X\n---\n\nThe talk\.\n\nA paragraph saved while the dev server runs: devedit\d+\.\n$/,
		);
		// Started as `npm run dev` starts it: a port or host flag would empty Astro's content store.
		expect((await readFile(log, 'utf8')).match(/^astro .*$/gm)).toEqual([
			'astro dev background=0 telemetry-disabled=1',
			'astro dev background=0 telemetry-disabled=1',
		]);
		const watcher = Number(await readFile(path.join(root, 'watcher.pid'), 'utf8'));
		await expect.poll(() => ended(watcher)).toBe(true);
	});

	it('fails at once, pointing to its log, when the server stops before it serves the page', async () => {
		const broken = await scratchSite({
			'node_modules/.bin/astro': '#!/bin/sh\necho "[config] astro.config.mjs is invalid"\nexit 1\n',
		});
		await chmod(path.join(broken, 'node_modules/.bin/astro'), 0o755);
		const brokenLog = path.join(broken, 'dev.log');
		const error = await measureDevServer(broken, {}, '/talks/x/', talkFile, brokenLog).catch(
			(error: Error) => error,
		);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(
			/^astro dev exited \(1\) before \/talks\/x\/ answered as expected; see /,
		);
		expect((error as Error).message.endsWith(`see ${brokenLog}`)).toBe(true);
		expect(await readFile(brokenLog, 'utf8')).toBe('[config] astro.config.mjs is invalid\n');
	}, 30_000);
});
