import { rehypeSanitizeContent } from '#lib/markdown/sanitize.ts';
import { markdownProcessors } from '#lib/markdown/processors.ts';
import { siteConfig } from '../site.config';
import { codeHighlighting } from './code-highlighting';

/**
 * The site's Markdown, as astro.config.mjs uses it and as tests render it: Sätteri for `.md`
 * and unified with remark-gfm for `.mdx` (`processors.md`, `processors.mdx`), each highlighting
 * code with `shikiConfig` first and then sanitising before the hub adds its own trusted markup;
 * `integration` adds the highlighted code's stylesheet to every page.
 */
export async function siteMarkdown() {
	const highlighting = await codeHighlighting();
	const processors = markdownProcessors({
		transforms: [rehypeSanitizeContent({ html: siteConfig.contentHtml })],
	});
	return {
		processors,
		shikiConfig: highlighting.shikiConfig,
		integration: highlighting.integration,
	};
}
