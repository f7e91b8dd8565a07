import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { seedDevDataStore } from '#tools/build/dev-data-store.ts';

/**
 * `astro dev` starts from the content store the last build synced (`seedDevDataStore`), so its
 * first page waits for the files that changed since, not for every entry.
 */
export function devDataStore(options: { contentDir: string }): AstroIntegration {
	return {
		name: 'edelweiss:dev-data-store',
		hooks: {
			// Runs before dev loads its store (astro/dist/core/dev/dev.js).
			'astro:config:setup': async ({ command, config, logger }) => {
				if (command !== 'dev') return;
				const root = fileURLToPath(config.root);
				const copied = await seedDevDataStore({
					built: path.join(fileURLToPath(config.cacheDir), 'data-store.json'),
					dev: path.join(root, '.astro/data-store.json'),
					contentDir: path.resolve(root, options.contentDir),
				});
				if (copied)
					logger.info(
						'content store copied from the last build: unchanged entries are not synced again',
					);
			},
		},
	};
}
