import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchExcludedSelectors } from '../lib/search-record';
import { withBase } from '../lib/urls';
import { missingIndexHint, serveBuiltPagefind } from './pagefind-dev-server';

/**
 * Builds the Pagefind index into `<outDir>/pagefind` as the last step of `astro build`, and
 * lets `astro dev` search with the index of the last build.
 */
export function pagefindIndex(): AstroIntegration {
	let bundle = '';
	let mount = '/pagefind/';
	let dev = false;
	return {
		name: 'edelweiss:pagefind',
		hooks: {
			'astro:config:setup': ({ command }) => {
				dev = command === 'dev';
			},
			'astro:config:done': ({ config }) => {
				bundle = path.join(fileURLToPath(config.outDir), 'pagefind');
				mount = withBase('/pagefind/', config.base);
			},
			'astro:server:setup': ({ server, logger }) => {
				// `astro build` runs a Vite server of its own too; only the dev server needs the index.
				if (!dev) return;
				server.middlewares.use(serveBuiltPagefind(bundle, mount));
				if (existsSync(path.join(bundle, 'pagefind.js'))) logger.info(`Search uses the index of the last build, in ${bundle}`);
				else logger.warn(missingIndexHint);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const started = performance.now();
				const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: searchExcludedSelectors });
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				try {
					const added = await index.addDirectory({ path: site });
					if (added.errors.length) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
					if (written.errors.length) throw new Error(`Pagefind failed to write its bundle: ${written.errors.join('; ')}`);
					const seconds = ((performance.now() - started) / 1000).toFixed(1);
					logger.info(`Pagefind indexed ${added.page_count} pages into ${path.relative(process.cwd(), written.outputPath)} in ${seconds}s`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
