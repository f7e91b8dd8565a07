import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript } from '#tools/run-command.ts';
import { projectRoot } from './build-site';

/** A module's functions, each called in a child process: same arguments, its result as a promise. */
export type InChildProcess<Module> = {
	[Name in keyof Module]: Module[Name] extends (...args: infer Args) => infer Result
		? (...args: Args) => Promise<Awaited<Result>>
		: never;
};

const callScript = fileURLToPath(new URL('./call-in-child.ts', import.meta.url));

/**
 * The functions of the module at `specifier` (`#tools/…`, or a file URL), each run in a child
 * Node process of its own when called, for full-size runs and fixtures' imports. The test
 * workers run under V8's coverage, which makes heavy work two to three times slower (FOSDEM
 * 2020's import: 7 s, 19 s under coverage), and the unit and integration tiers cover the same
 * code at small sizes. Arguments and results cross as JSON: a function is not an argument, and
 * a `Date` in a result arrives as its ISO string.
 */
export function inChildProcess<Module>(specifier: string): InChildProcess<Module> {
	return new Proxy({} as InChildProcess<Module>, {
		get: (_, name) => {
			// Not a thenable: `await` on the module's functions must not call a `then` in a child.
			if (typeof name !== 'string' || name === 'then') return undefined;
			return async (...args: unknown[]) => {
				const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-call-'));
				try {
					const input = path.join(folder, 'arguments.json');
					const output = path.join(folder, 'result.json');
					await writeFile(input, JSON.stringify(args));
					const run = await runScript(callScript, [specifier, name, input, output], {
						cwd: projectRoot,
					});
					if (run.exitCode !== 0)
						throw new Error(
							`${name}() from ${specifier} failed in its child process:\n${run.output}`,
						);
					return JSON.parse(await readFile(output, 'utf8'));
				} finally {
					await rm(folder, { recursive: true, force: true });
				}
			};
		},
	});
}
