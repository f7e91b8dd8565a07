// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentValidation } from './src/integrations/content-validation';
import { pagefindIndex } from './src/integrations/pagefind-index';
import { routeOutputs } from './src/integrations/route-outputs';
import { buildPaths } from './src/lib/build/settings';
import { markdownProcessors, shikiConfig } from './src/lib/markdown/processors';
import { contentDir } from './src/lib/content-dir';
import { contentSecurityPolicy } from './src/lib/csp';
import { siteConfig } from './src/site.config';

const markdown = markdownProcessors();
const paths = buildPaths(process.cwd());

export default defineConfig({
	site: siteConfig.url,
	// GitLab Pages project sites live under a path, e.g. `/edelweiss/` (set by CI).
	...(process.env.BASE_PATH ? { base: process.env.BASE_PATH } : {}),
	trailingSlash: 'always',
	// Fixture and benchmark builds write elsewhere and keep their own caches.
	outDir: paths.outDir,
	cacheDir: paths.cacheDir,
	// Sätteri renders `.md`, unified with remark-gfm renders `.mdx`, with the same rules (src/lib/markdown/).
	markdown: { processor: markdown.md, shikiConfig },
	security: { csp: contentSecurityPolicy },
	// A page whose `cacheKey` (src/lib/cache-keys.ts) and code are unchanged is copied, not rendered.
	experimental: { incrementalBuild: true },
	vite: {
		build: {
			// Unchanged pages stay where they are; `npm run build` prunes what no route wrote (src/lib/build/prune.ts).
			emptyOutDir: false,
			rolldownOptions: {
				// Astro's own MDX modules carry this directive on purpose; the warning is noise.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	integrations: [contentValidation({ contentDir }), mdx({ processor: markdown.mdx }), sitemap(), pagefindIndex(), routeOutputs()],
});
