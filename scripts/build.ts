/**
 * `npm run build [-- --force]`: validates the content, builds the site into `dist/` with Astro,
 * indexes it with Pagefind and writes the offline files; unchanged inputs rebuild nothing
 * (tools/build/run-build.ts). `--force` ignores every cache.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild } from '#tools/build/run-build.ts';
import { spawnAstroBuild } from '#tools/build/astro-process.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });

try {
	const { exitCode } = await runBuild({
		root,
		force: values.force,
		runAstro: (env) => spawnAstroBuild(root, env),
	});
	process.exitCode = exitCode;
} catch (error) {
	console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
