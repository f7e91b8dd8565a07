import type { ChildProcess } from 'node:child_process';
import { appendFile, open, writeFile } from 'node:fs/promises';
import { binIn, hasExited, startProcess } from '#tools/run-command.ts';

export interface DevServerMeasurement {
	/** From starting `astro dev` after a build to the first talk page served. */
	firstPageSeconds: number;
	/** From saving an edited talk to the page showing the edit. */
	editVisibleSeconds: number;
	/** From starting `astro dev` again, once the first has stopped, to the same page served. */
	secondStartSeconds: number;
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
 * Asks `server` for `page` until `accept` likes the page, one request at a time; seconds taken.
 * Gives up when the server exits (one that fails to start would be waited for until the timeout).
 */
async function waitFor(
	server: DevServer,
	page: string,
	accept: (body: string) => boolean,
	timeoutSeconds: number,
): Promise<number> {
	const { child, log } = server;
	const started = performance.now();
	while ((performance.now() - started) / 1000 < timeoutSeconds) {
		if (hasExited(child))
			throw new Error(
				`astro dev exited (${child.exitCode ?? child.signalCode}) before ${page} answered as expected; see ${log}`,
			);
		const origin = server.origin();
		const body = origin
			? await fetch(`${origin}${page}`)
					.then((response) => (response.ok ? response.text() : ''))
					.catch(() => '')
			: '';
		if (accept(body)) return (performance.now() - started) / 1000;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${page} did not answer as expected within ${timeoutSeconds} s; see ${log}`);
}

interface DevServer {
	child: ChildProcess;
	log: string;
	/** Where it listens, once it has said so. */
	origin(): string | undefined;
	stop(): Promise<void>;
}

/**
 * Starts `astro dev` as `npm run dev` does: without `--host` or `--port`, which Astro counts in
 * the configuration digest of its content store (a store synced under other values is emptied).
 * It listens on 4321, or the next free port, and says where; its output is appended to `log`.
 */
async function startDev(root: string, env: NodeJS.ProcessEnv, log: string): Promise<DevServer> {
	const output = await open(log, 'a');
	const { child } = startProcess(binIn(root, 'astro'), ['dev'], {
		cwd: root,
		env: {
			...process.env,
			...env,
			ASTRO_DEV_BACKGROUND: '0',
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group, so stopping it stops everything it started.
		detached: true,
	});
	let origin: string | undefined;
	let printed = '';
	let written: Promise<unknown> = Promise.resolve();
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.on('data', (chunk: Buffer) => {
			written = written.then(() => output.write(chunk));
			printed += chunk.toString();
			origin ??= /Local\s+(https?:\/\/[^\s/]+)/.exec(printed)?.[1];
		});
	}
	const closed = new Promise((resolve) => child.once('close', resolve));
	return {
		child,
		log,
		origin: () => origin,
		async stop() {
			if (child.pid && !hasExited(child)) stopGroup(child.pid);
			await closed;
			await written;
			await output.close();
		},
	};
}

/**
 * Times `astro dev` over the build's content and caches in `env`: the first request for `page`
 * after the build, how long an edit of `talkFile` takes to show on it, and the first request
 * again on a second start. The servers' output goes to `log`.
 */
export async function measureDevServer(
	root: string,
	env: NodeJS.ProcessEnv,
	page: string,
	talkFile: string,
	log: string,
): Promise<DevServerMeasurement> {
	await writeFile(log, '');
	const pageServed = (body: string) => body.includes('</html>');
	let started = performance.now();
	let server = await startDev(root, env, log);
	let firstPageSeconds: number;
	let editVisibleSeconds: number;
	try {
		await waitFor(server, page, pageServed, 900);
		firstPageSeconds = (performance.now() - started) / 1000;
		const marker = `devedit${Date.now()}`;
		await appendFile(talkFile, `\nA paragraph saved while the dev server runs: ${marker}.\n`);
		editVisibleSeconds = await waitFor(server, page, (body) => body.includes(marker), 300);
	} finally {
		await server.stop();
	}
	started = performance.now();
	server = await startDev(root, env, log);
	try {
		await waitFor(server, page, pageServed, 900);
		return {
			firstPageSeconds,
			editVisibleSeconds,
			secondStartSeconds: (performance.now() - started) / 1000,
		};
	} finally {
		await server.stop();
	}
}
