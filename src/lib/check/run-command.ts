import { spawn } from 'node:child_process';

export interface CommandResult {
	exitCode: number;
	/** stdout and stderr together, without terminal colours. */
	output: string;
}

// eslint-disable-next-line no-control-regex
const ansiEscapes = /\x1b\[[0-9;?]*[a-zA-Z]/g;

/** Runs a command to completion with stdin closed (so nothing waits for a prompt) and collects its output. */
export async function runCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
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
