/**
 * The unit tier's setup file (vitest.config.ts): a unit test starts no process. Chromium, git,
 * npm, knip, xmllint, Astro, and the binaries Pagefind and esbuild run as services are all
 * processes; a test that needs one, even through the module it tests, belongs in
 * tests/integration/ (docs/testing.md). Refusing them here keeps the tier fast and says where
 * a new test goes, instead of a rule to remember.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll } from 'vitest';

const commandOf = (file: unknown, args: unknown) =>
	[file, ...(Array.isArray(args) ? args.slice(0, 2) : [])].join(' ');

interface GuardState {
	/** What the current test file tried to start: code that survives a failed start (git outside a checkout) must not hide it. */
	refused: string[];
}
/** On the global object: unit files share a worker, and this file is evaluated again for each. */
const state = ((globalThis as { edelweissUnitTierGuard?: GuardState }).edelweissUnitTierGuard ??= {
	refused: [],
});
const { refused } = state;

/** The error a unit test gets for starting `command`. */
const processRefused = (command: string) => {
	refused.push(command);
	return new Error(
		`A unit test starts no process, and this one started \`${command}\`: move the test to tests/integration/ (docs/testing.md).`,
	);
};

const refusedSpawn = function (options: { file?: string; args?: string[] }): never {
	throw processRefused(commandOf(options.file, options.args?.slice(1)));
};

/** Makes every way of starting a process throw. */
function refuseProcesses(): void {
	// spawn, exec, execFile and fork all start through ChildProcess#spawn.
	// Node's own, undeclared in its types.
	(childProcess.ChildProcess.prototype as unknown as { spawn: typeof refusedSpawn }).spawn =
		refusedSpawn;
	const sync = childProcess as unknown as Record<
		'spawnSync' | 'execSync' | 'execFileSync',
		(...args: unknown[]) => never
	>;
	for (const name of ['spawnSync', 'execSync', 'execFileSync'] as const) {
		sync[name] = (file: unknown, args: unknown) => {
			throw processRefused(commandOf(file, args));
		};
	}
	// `import { execFileSync } from 'node:child_process'` sees the replacements too.
	syncBuiltinESMExports();
}

/** The commands refused since the last call, forgotten. */
export const takeRefused = () => refused.splice(0);

refuseProcesses();
takeRefused();
afterAll(() => {
	const commands = [...new Set(takeRefused())];
	if (commands.length > 0)
		throw new Error(
			`A unit test starts no process, and this file started ${commands.map((command) => `\`${command}\``).join(', ')}: move it to tests/integration/ (docs/testing.md).`,
		);
});
