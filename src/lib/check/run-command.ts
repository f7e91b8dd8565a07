import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CommandResult {
	exitCode: number;
	/** stdout and stderr together, without terminal colours. */
	output: string;
}

/** A command-line tool of the project's own dependencies (`node_modules/.bin/<name>`), whatever folder it checks. */
export const projectBin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

// eslint-disable-next-line no-control-regex
const ansiEscapes = /\x1b\[[0-9;?]*[a-zA-Z]/g;

/** Runs a command to completion with stdin closed (so nothing waits for a prompt) and collects its output. */
export async function runCommand(
	command: string,
	args: readonly string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; /** Lets a caller watch the process, e.g. its memory. */ onSpawn?: (child: ChildProcess) => void },
): Promise<CommandResult> {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	options.onSpawn?.(child);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exitCode = await new Promise<number>((resolve) => {
		child.on('error', (error) => {
			output += `${error.message}\n`;
			resolve(127);
		});
		child.on('close', (code) => resolve(code ?? 1));
	});
	return { exitCode, output: output.replace(ansiEscapes, '') };
}
