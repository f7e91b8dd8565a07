import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Builds the Pagefind index into `<outDir>/pagefind` as the last step of `astro build`. */
export function pagefindIndex(): AstroIntegration {
	return {
		name: 'edelweiss:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const started = performance.now();
				const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				try {
					const added = await index.addDirectory({ path: site });
					if (added.errors.length) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
					if (written.errors.length) throw new Error(`Pagefind failed to write its bundle: ${written.errors.join('; ')}`);
					const seconds = ((performance.now() - started) / 1000).toFixed(1);
					logger.info(`Pagefind indexed ${added.page_count} pages into ${written.outputPath} in ${seconds}s`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
