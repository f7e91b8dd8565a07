import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What validating the content tree found: nothing (`report` undefined) or every problem at once. */
export interface ValidationOutcome {
	fileCount: number;
	seconds: number;
	report?: string | undefined;
}

const child = fileURLToPath(new URL('./validate-content-process.ts', import.meta.url));

/**
 * Validates `contentDir` in a child process (this Node, TypeScript through tsx as in every
 * script) and resolves to its outcome; rejects if the process dies without one.
 */
export function validateInChildProcess(root: string, contentDir: string): Promise<ValidationOutcome> {
	return new Promise((resolve, reject) => {
		let outcome: ValidationOutcome | undefined;
		const validation = fork(child, [root, contentDir], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		validation.on('message', (message) => (outcome = message as ValidationOutcome));
		validation.on('error', reject);
		validation.on('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`content validation stopped (exit ${code}) without a result`))));
	});
}
