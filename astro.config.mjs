// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { codeHighlighting } from './src/integrations/code-highlighting';
import { contentValidation } from './src/integrations/content-validation';
import { offlineSupport } from './src/integrations/offline';
import { pagefindIndex } from './src/integrations/pagefind-index';
import { rehypeTaskListLabels } from './src/lib/rehype-task-list-labels';
import { contentDir } from './src/lib/content-dir';
import { contentSecurityPolicy } from './src/lib/csp';
import { siteConfig } from './src/site.config';

// Shiki with classes instead of inline styles, so the CSP needs no 'unsafe-inline' for styles.
const highlighting = await codeHighlighting({ light: 'github-light', dark: 'github-dark-default' });

export default defineConfig({
	site: siteConfig.url,
	// GitLab Pages project sites live under a path, e.g. `/edelweiss/` (set by CI).
	...(process.env.BASE_PATH ? { base: process.env.BASE_PATH } : {}),
	trailingSlash: 'always',
	// Astro's terminal output without one line per built page (src/lib/build-logger.mjs).
	logger: { entrypoint: './src/lib/build-logger.mjs' },
	// Fixture and benchmark builds write elsewhere and keep their own content cache.
	outDir: process.env.EDELWEISS_OUT_DIR ?? './dist',
	cacheDir: process.env.EDELWEISS_CACHE_DIR ?? './node_modules/.astro',
	markdown: {
		// remark-gfm runs only on the unified processor (Astro 7 defaults to Sätteri).
		processor: unified({
			gfm: false,
			remarkPlugins: [remarkGfm],
			rehypePlugins: [
				highlighting.rehypePlugin,
				// Ids first, so the anchors have something to point at.
				rehypeHeadingIds,
				[
					rehypeAutolinkHeadings,
					{
						behavior: 'append',
						properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1, dataPagefindIgnore: '' },
						content: { type: 'text', value: '#' },
						// GFM's visually hidden "Footnotes" heading needs no anchor.
						test: (/** @type {any} */ heading) => heading.properties?.id !== 'footnote-label',
					},
				],
				rehypeTaskListLabels,
				// Links out of the hub pass on neither the opener nor the referrer.
				[rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
			],
		}),
		// Highlighted by `highlighting.rehypePlugin` above.
		syntaxHighlight: false,
	},
	security: { csp: contentSecurityPolicy },
	vite: {
		build: {
			rolldownOptions: {
				// Astro's own MDX modules carry this directive on purpose; the warning is noise.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	integrations: [contentValidation({ contentDir }), highlighting.integration, mdx(), sitemap(), pagefindIndex(), offlineSupport()],
});
