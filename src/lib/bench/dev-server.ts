import type { ChildProcess } from 'node:child_process';
import { appendFile, open } from 'node:fs/promises';
import { createServer } from 'node:net';
import { binIn, hasExited, startProcess } from '../check/run-command';

export interface DevServerMeasurement {
	/** From starting `astro dev` to the first talk page served. */
	firstPageSeconds: number;
	/** From saving an edited talk to the page showing the edit. */
	editVisibleSeconds: number;
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Stops a process group: what its leader started may outlive it. None left (ESRCH) is no error. */
function stopGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGTERM');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

/**
 * Asks `server` for `url` until `accept` likes the page, one request at a time; seconds taken.
 * Gives up when the server exits (one that fails to start would be waited for until the timeout).
 */
async function waitFor(server: { child: ChildProcess; log: string }, url: string, accept: (body: string) => boolean, timeoutSeconds: number): Promise<number> {
	const { child, log } = server;
	const started = performance.now();
	while ((performance.now() - started) / 1000 < timeoutSeconds) {
		if (hasExited(child)) throw new Error(`astro dev exited (${child.exitCode ?? child.signalCode}) before ${url} answered as expected; see ${log}`);
		const body = await fetch(url)
			.then((response) => (response.ok ? response.text() : ''))
			.catch(() => '');
		if (accept(body)) return (performance.now() - started) / 1000;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer as expected within ${timeoutSeconds} s; see ${log}`);
}

/**
 * Starts `astro dev` as `npm run dev` does, over the build's content and caches in `env`,
 * times the first request for `page` and then how long an edit of `talkFile` takes to show on
 * it. The server's output goes to `log`.
 */
export async function measureDevServer(root: string, env: NodeJS.ProcessEnv, page: string, talkFile: string, log: string): Promise<DevServerMeasurement> {
	const port = await freePort();
	const output = await open(log, 'w');
	const started = performance.now();
	const { child } = startProcess(binIn(root, 'astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: root,
		env: { ...process.env, ...env, ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		stdio: ['ignore', output.fd, output.fd],
		// Its own process group, so stopping it stops everything it started.
		detached: true,
	});
	try {
		const url = `http://127.0.0.1:${port}${page}`;
		await waitFor({ child, log }, url, (body) => body.includes('</html>'), 900);
		const firstPageSeconds = (performance.now() - started) / 1000;
		const marker = `devedit${Date.now()}`;
		await appendFile(talkFile, `\nA paragraph saved while the dev server runs: ${marker}.\n`);
		const editVisibleSeconds = await waitFor({ child, log }, url, (body) => body.includes(marker), 300);
		return { firstPageSeconds, editVisibleSeconds };
	} finally {
		if (child.pid) stopGroup(child.pid);
		await new Promise((resolve) => (hasExited(child) ? resolve(undefined) : child.once('exit', resolve)));
		await output.close();
	}
}
