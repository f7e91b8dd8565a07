// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentValidation } from './src/integrations/content-validation';
import { devDataStore } from './src/integrations/dev-data-store';
import { minifiedInlineScripts } from './src/integrations/inline-scripts';
import { siteMarkdown } from './src/integrations/markdown';
import { pagefindIndex } from './src/integrations/pagefind-index';
import { routeOutputs } from './src/integrations/route-outputs';
import { buildPaths } from './tools/build/settings';
import { contentDir } from './src/lib/content/content-dir';
import { contentSecurityPolicy } from './src/lib/site/csp';
import { siteConfig } from './src/site.config';

// Sanitised, highlighted with classes (no inline styles for the CSP to allow), the same rules in both pipelines.
const markdown = await siteMarkdown();
const paths = buildPaths(process.cwd());

export default defineConfig({
	site: siteConfig.url,
	// GitLab Pages project sites live under a path, e.g. `/edelweiss/` (set by CI).
	...(process.env.BASE_PATH ? { base: process.env.BASE_PATH } : {}),
	trailingSlash: 'always',
	// Astro's terminal output without one line per built page (tools/build/logger.mjs).
	logger: { entrypoint: './tools/build/logger.mjs' },
	// Fixture and benchmark builds write elsewhere and keep their own caches.
	outDir: paths.outDir,
	cacheDir: paths.cacheDir,
	// Sätteri renders `.md`, unified with remark-gfm renders `.mdx`, with the same rules (src/lib/markdown/).
	markdown: { processor: markdown.processors.md, shikiConfig: markdown.shikiConfig },
	security: { csp: contentSecurityPolicy },
	// A page whose `cacheKey` (src/lib/hub/cache-keys.ts) and code are unchanged is copied, not rendered.
	experimental: { incrementalBuild: true },
	vite: {
		// Vite's dependency cache beside the build's own caches: builds of other roots (fixtures,
		// benchmarks) sharing `node_modules/.vite` made each one re-optimise for its own config.
		cacheDir: `${paths.cacheDir}/vite`,
		build: {
			// Unchanged pages stay where they are; `npm run build` prunes what no route wrote (tools/build/prune.ts).
			emptyOutDir: false,
			rolldownOptions: {
				// Astro's own MDX modules carry this directive on purpose; the warning is noise.
				onwarn(warning, warn) {
					if (
						warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
						warning.message.includes('astro:head-inject')
					)
						return;
					warn(warning);
				},
			},
		},
	},
	integrations: [
		contentValidation({ contentDir }),
		devDataStore({ contentDir }),
		minifiedInlineScripts(),
		markdown.integration,
		mdx({ processor: markdown.processors.mdx }),
		sitemap(),
		pagefindIndex(),
		routeOutputs(),
	],
});
