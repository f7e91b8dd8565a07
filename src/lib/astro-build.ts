import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface AstroBuildOptions {
	/** The project root, where `node_modules/.bin/astro` and `astro.config.mjs` are. */
	root: string;
	contentDir: string;
	outDir: string;
	cacheDir: string;
	env?: Record<string, string>;
}

export interface AstroBuildResult {
	exitCode: number;
	/** stdout and stderr together, without terminal colours. */
	output: string;
}

/**
 * Starts the real `astro build` over a content tree in a child process, as a contributor
 * would, with its own output and content cache. The child is exposed so callers can watch it.
 */
export function spawnAstroBuild(options: AstroBuildOptions): { child: ChildProcess; done: Promise<AstroBuildResult> } {
	const child = spawn(path.join(options.root, 'node_modules/.bin/astro'), ['build'], {
		cwd: options.root,
		env: {
			...process.env,
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			EDELWEISS_CONTENT: options.contentDir,
			EDELWEISS_OUT_DIR: options.outDir,
			EDELWEISS_CACHE_DIR: options.cacheDir,
			...options.env,
		},
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const done = new Promise<AstroBuildResult>((resolve) =>
		child.on('close', (code) => {
			// eslint-disable-next-line no-control-regex
			resolve({ exitCode: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') });
		}),
	);
	return { child, done };
}
