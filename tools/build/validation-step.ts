import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hasExited } from '#tools/run-command.ts';

/** What validating the content tree found: nothing (`report` undefined) or every problem at once. */
export interface ValidationOutcome {
	fileCount: number;
	/** How many files were checked on their own; the others' results came from the cache. */
	checkedFiles: number;
	seconds: number;
	report?: string | undefined;
	/** Whether any problem is an error; warnings alone (HTML the sanitiser removes) let the build go on. */
	failed: boolean;
}

/** What the process is asked: a content tree, and where to keep each file's results between runs. */
export interface ValidationRequest {
	contentDir: string;
	cacheFile?: string | undefined;
}

const script = fileURLToPath(new URL('./validate-content-process.ts', import.meta.url));
/**
 * Starts `validate-content-process.ts` in this Node, TypeScript through tsx as in every script:
 * with a content folder in `args` it validates that once; without, it waits for requests.
 */
export const startValidationProcess = (root: string, args: string[]) =>
	fork(script, [root, ...args], {
		cwd: root,
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});

/** Validates `contentDir` once in a child process; rejects if the process dies without an outcome. */
export function validateInChildProcess(
	root: string,
	{ contentDir, cacheFile }: ValidationRequest,
): Promise<ValidationOutcome> {
	return new Promise((resolve, reject) => {
		let outcome: ValidationOutcome | undefined;
		const child = startValidationProcess(root, cacheFile ? [contentDir, cacheFile] : [contentDir]);
		child.on('message', (message) => (outcome = message as ValidationOutcome));
		child.on('error', reject);
		child.on('exit', (code) =>
			outcome
				? resolve(outcome)
				: reject(
						new Error(
							`content validation of ${contentDir} stopped (exit ${code}) without a result`,
						),
					),
		);
	});
}

/**
 * A validation process that stays up (for `astro dev`): each `validate` call is answered by it,
 * one at a time, without its start-up cost. It exits with this process.
 */
export function validationService(root: string) {
	let child: ChildProcess | undefined;
	let queue: Promise<unknown> = Promise.resolve();
	const ask = (request: ValidationRequest) =>
		new Promise<ValidationOutcome>((resolve, reject) => {
			// A new process when the last one exited, or was killed (it then has a signal, no exit code).
			if (!child || hasExited(child)) child = startValidationProcess(root, []);
			const running = child;
			// Kept referenced while it works, so a waiting caller's process does not end under it.
			running.ref();
			running.channel?.ref();
			const idle = () => {
				running.unref();
				running.channel?.unref();
			};
			const onExit = (code: number | null) =>
				reject(new Error(`content validation stopped (exit ${code}) without a result`));
			running.once('exit', onExit);
			running.once('message', (message) => {
				running.off('exit', onExit);
				idle();
				resolve(message as ValidationOutcome);
			});
			// With a callback, a channel closed under us rejects this request instead of throwing in the server.
			running.send(request, (error) => error && reject(error));
		});
	return {
		validate(request: ValidationRequest): Promise<ValidationOutcome> {
			const outcome = queue.then(() => ask(request));
			queue = outcome.catch(() => undefined);
			return outcome;
		},
	};
}
