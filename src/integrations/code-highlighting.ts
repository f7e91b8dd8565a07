import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import {
	codeBlockTransformers,
	codeThemes,
	highlightDeclarations,
	highlightStylesheet,
	stylesToClasses,
} from '#lib/markdown/code-highlighting.ts';

const stylesheet = 'virtual:edelweiss/code-highlighting.css';

/**
 * Shiki highlighting whose colours are classes, not inline styles, so the CSP allows no inline
 * style at all (src/lib/markdown/code-highlighting.ts). `shikiConfig` is the Markdown configuration's
 * (both pipelines highlight with it, before the hub's own plugins); `integration` adds the
 * classes' stylesheet to every page.
 */
export async function codeHighlighting() {
	const declarations = await highlightDeclarations(codeThemes);
	const shikiConfig: ShikiConfig = {
		themes: codeThemes,
		defaultColor: false,
		transformers: [...codeBlockTransformers(), stylesToClasses(declarations)],
	};
	const integration: AstroIntegration = {
		name: 'edelweiss:code-highlighting',
		hooks: {
			'astro:config:setup': ({ updateConfig, injectScript }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'edelweiss:code-highlighting-stylesheet',
								resolveId: (id) => (id === stylesheet ? `\0${stylesheet}` : undefined),
								load: (id) =>
									id === `\0${stylesheet}` ? highlightStylesheet(declarations) : undefined,
							},
						],
					},
				});
				injectScript('page-ssr', `import '${stylesheet}';`);
			},
		},
	};
	return { shikiConfig, integration };
}
