import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineScriptsDir, readInlineScript } from '#lib/site/inline-scripts.ts';

const folder = fileURLToPath(inlineScriptsDir);

/**
 * Pages import their inline scripts `?raw` (`import theme from '../inline-scripts/x.js?raw'`);
 * this hands them the minified text whose hash the CSP lists (`src/lib/site/inline-scripts.ts`).
 */
export function minifiedInlineScripts(): AstroIntegration {
	return {
		name: 'edelweiss:inline-scripts',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'edelweiss:minified-inline-scripts',
								// Before Vite's own `?raw` loader.
								enforce: 'pre',
								load(id) {
									const [file, query] = id.split('?');
									if (query !== 'raw' || !file!.startsWith(folder) || !file!.endsWith('.js'))
										return undefined;
									return `export default ${JSON.stringify(readInlineScript(file!))};`;
								},
							},
						],
					},
				});
			},
		},
	};
}
