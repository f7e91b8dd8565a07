import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '#lib/view/urls.ts';
import { missingIndexHint, serveBuiltPagefind } from './pagefind-dev-server';

/**
 * Lets `astro dev` search with the index of the last build. The index itself is built after
 * Astro exits, by `npm run build` (`tools/build/pagefind-step.ts`).
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
				if (existsSync(path.join(bundle, 'pagefind.js')))
					logger.info(`Search uses the index of the last build, in ${bundle}`);
				else logger.warn(missingIndexHint);
			},
		},
	};
}
