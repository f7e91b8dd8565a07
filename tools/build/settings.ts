import path from 'node:path';
import { defaultScopeBytes } from '#lib/search/search-indexes.ts';
import { tsxCommand } from '#tools/run-command.ts';

/**
 * Where a build reads and writes, from the environment, for `astro.config.mjs` and the build
 * steps that run after Astro (`run-build.ts`) alike. Fixture and benchmark builds point these
 * elsewhere so they never share output or caches with `npm run build`.
 */
export function buildPaths(root: string, env: NodeJS.ProcessEnv = process.env) {
	return {
		/** The content tree (`EDELWEISS_CONTENT`). */
		content: path.resolve(root, env.EDELWEISS_CONTENT ?? './content'),
		/** The built site (`EDELWEISS_OUT_DIR`). */
		outDir: path.resolve(root, env.EDELWEISS_OUT_DIR ?? './dist'),
		/** Astro's caches and ours (`EDELWEISS_CACHE_DIR`): keep it between CI runs. */
		cacheDir: path.resolve(root, env.EDELWEISS_CACHE_DIR ?? './node_modules/.astro'),
		/** The path the site is served under (`BASE_PATH`), e.g. `/edelweiss/` on project Pages. */
		base: env.BASE_PATH || '/',
	};
}

/**
 * How much search index the editions searched by default may weigh together
 * (`EDELWEISS_SEARCH_SCOPE_BYTES`, docs/search.md): more searches more years at once, `0` the
 * most recent edition alone.
 */
export function searchScopeBytes(env: NodeJS.ProcessEnv = process.env): number {
	const set = env.EDELWEISS_SEARCH_SCOPE_BYTES;
	if (set === undefined || set === '') return defaultScopeBytes;
	const bytes = Number(set);
	if (!Number.isSafeInteger(bytes) || bytes < 0)
		throw new Error(`EDELWEISS_SEARCH_SCOPE_BYTES must be a whole number of bytes, not "${set}"`);
	return bytes;
}

/** Environment variables the built pages depend on. */
export const outputEnvironment = [
	'SITE_URL',
	'CI_PAGES_URL',
	'EDIT_BASE_URL',
	'BASE_PATH',
	'EDELWEISS_CONTENT',
	'EDELWEISS_SEARCH_SCOPE_BYTES',
] as const;

/** What the site's code is, for a build's fingerprint: everything but the content. */
export const projectInputs = [
	'src',
	'public',
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
	'node_modules/.package-lock.json',
];

/**
 * Inputs whose change the caches cannot see, so every cache is dropped when they change: Astro's
 * content store and incremental manifest compare the configuration as JSON, without plugin code
 * (the Markdown pipelines), and the steps after Astro (`tools/build/`) remember their last run.
 */
export const cacheInvalidatingInputs = [
	'src/lib/markdown',
	'src/content.config.ts',
	'src/schemas',
	'src/integrations',
	'tools/build',
	'src/lib/site/offline.ts',
	'src/client/service-worker',
	'astro.config.mjs',
	'node_modules/.package-lock.json',
];

/** What the build remembers between runs, in `<cacheDir>/edelweiss/`. */
export function stateFiles(cacheDir: string) {
	const folder = path.join(cacheDir, 'edelweiss');
	return {
		folder,
		/** The last successful build's fingerprint (`run-build.ts`). */
		build: path.join(folder, 'build.json'),
		/** Touched as Astro starts: what is older in the output folder was not written by this build (`prune.ts`). */
		started: path.join(folder, 'started'),
		/** The output folder the caches were last used for (`run-build.ts`). */
		outDir: path.join(folder, 'out-dir'),
		/** The files Astro's routes produced, written or kept (`src/integrations/route-outputs.ts`). */
		routeOutputs: path.join(folder, 'route-outputs.json'),
		/** Built files' digests by size and time (`output-digests.ts`). */
		outputDigests: path.join(folder, 'output-digests.json'),
		/** The digest of the pages the Pagefind bundle in place was built from (`pagefind-step.ts`). */
		pagefind: path.join(folder, 'pagefind-inputs'),
		/** The content and code digest last validated without problems (`run-build.ts`). */
		validation: path.join(folder, 'validated'),
		/** Each content file's own validation results by digest (`src/lib/validation/validation-cache.ts`). */
		validationResults: path.join(folder, 'validation-results.json'),
		/** Exists once this build's content is known valid: Astro waits for it before writing (`src/integrations/content-validation.ts`). */
		validationGate: path.join(folder, 'validation-passed'),
	};
}

/** `npm run build` as a command line, for the tests, the check and the benchmark. */
export const buildCommand = (root: string) => tsxCommand(path.join(root, 'scripts/build.ts'));
