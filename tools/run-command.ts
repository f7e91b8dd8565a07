import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one way the project starts a command: `startProcess` for a child to keep an eye on (a
 * build sharing the terminal, a dev server), `runCommand` for one whose output is wanted. Tools
 * are found with `binIn`. Two exceptions keep their own call: git's short synchronous reads
 * (`gitOutput` in `src/lib/content/git.ts`) and the validation process, which talks over IPC
 * (`build/validation-step.ts`).
 */

export interface CommandResult {
	exitCode: number;
	/** stdout and stderr together, without terminal colours. */
	output: string;
}

/** A command-line tool of a project's dependencies: `<root>/node_modules/.bin/<name>` (Astro included). */
export const binIn = (root: string, name: string) => path.join(root, 'node_modules/.bin', name);

/** A command-line tool of the project's own dependencies, whatever folder it checks. */
export const projectBin = (name: string) =>
	binIn(fileURLToPath(new URL('../', import.meta.url)), name);

/**
 * A TypeScript script as a command line: this Node with tsx's loader, one process. The `tsx`
 * command starts a second Node around it, which costs a third of a second of CPU per run and,
 * for a build, an idle 50 MB. `tsx` is resolved from the command's working directory: the project.
 */
export const tsxCommand = (script: string, args: readonly string[] = []) => ({
	command: process.execPath,
	args: ['--import', 'tsx', script, ...args],
});

/** Whether a child has ended: killed by a signal, a process has no exit code but a signal. */
export const hasExited = (child: ChildProcess) =>
	child.exitCode !== null || child.signalCode !== null;

/**
 * Starts `command`; `exitCode` settles when it ends: its code, 1 when a signal ended it, 127
 * when it could not start (`onStartError` hears why).
 */
export function startProcess(
	command: string,
	args: readonly string[],
	options: SpawnOptions & { onStartError?: (error: Error) => void },
): { child: ChildProcess; exitCode: Promise<number> } {
	const { onStartError, ...spawnOptions } = options;
	const child = spawn(command, args, spawnOptions);
	const exitCode = new Promise<number>((resolve) => {
		child.on('error', (error) => {
			onStartError?.(error);
			resolve(127);
		});
		child.on('close', (code) => resolve(code ?? 1));
	});
	return { child, exitCode };
}

// eslint-disable-next-line no-control-regex
const ansiEscapes = /\x1b\[[0-9;?]*[a-zA-Z]/g;

/** Runs a command to completion with stdin closed (so nothing waits for a prompt) and collects its output. */
export async function runCommand(
	command: string,
	args: readonly string[],
	options: {
		cwd: string;
		env?: NodeJS.ProcessEnv;
		/** Lets a caller watch the process, e.g. its memory. */ onSpawn?: (
			child: ChildProcess,
		) => void;
	},
): Promise<CommandResult> {
	let output = '';
	const { child, exitCode } = startProcess(command, args, {
		cwd: options.cwd,
		env: {
			...process.env,
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		onStartError: (error) => (output += `${error.message}\n`),
	});
	options.onSpawn?.(child);
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const code = await exitCode;
	return { exitCode: code, output: output.replace(ansiEscapes, '') };
}

/** Runs a TypeScript script (`tsxCommand`) to completion, as `runCommand` runs a command. */
export function runScript(
	script: string,
	args: readonly string[],
	options: Parameters<typeof runCommand>[2],
): Promise<CommandResult> {
	const { command, args: commandArgs } = tsxCommand(script, args);
	return runCommand(command, commandArgs, options);
}
