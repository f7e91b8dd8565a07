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
import { rehypeSanitizeContent } from './src/lib/markdown/sanitize';
import { rehypeTaskListLabels } from './src/lib/rehype-task-list-labels';
import { contentDir } from './src/lib/content-dir';
import { contentSecurityPolicy } from './src/lib/csp';
import { siteConfig } from './src/site.config';

// Shiki's themes, also the classes it writes on code blocks, which the sanitiser lets through.
export const codeThemes = /** @type {const} */ ({ light: 'github-light', dark: 'github-dark-default' });
// Shiki with classes instead of inline styles, so the CSP needs no 'unsafe-inline' for styles.
const highlighting = await codeHighlighting(codeThemes);

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
			// The sanitiser prefixes ids itself (footnotes' included) and points their links at them.
			remarkRehype: { clobberPrefix: '' },
			rehypePlugins: [
				// Before anything adds trusted markup: raw HTML, MDX code and unsafe links go here.
				[rehypeSanitizeContent, { html: siteConfig.contentHtml, codeThemes: Object.values(codeThemes) }],
				highlighting.rehypePlugin,
				// Ids next, so the anchors have something to point at.
				rehypeHeadingIds,
				[
					rehypeAutolinkHeadings,
					{
						behavior: 'append',
						properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1, dataPagefindIgnore: '' },
						content: { type: 'text', value: '#' },
						// GFM's visually hidden "Footnotes" heading needs no anchor.
						test: (/** @type {any} */ heading) => !String(heading.properties?.id).endsWith('footnote-label'),
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
