import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifySync } from 'rolldown/utils';

/**
 * The only scripts pages may run: the small files of `src/client/inline/`, which pages inline
 * with `<script is:inline set:html={…} />` (imported `?raw`). Pages carry them minified
 * (`src/integrations/inline-scripts.ts`): comments and spaces are most of their bytes, and every
 * page carries a few. Astro does not hash inline scripts itself; the CSP lists these hashes.
 */
export const inlineScriptsDir = new URL('../../client/inline/', import.meta.url);

/**
 * A script as pages carry it: minified by Oxc, as Vite minifies the bundled scripts, top-level
 * names kept. In this process: esbuild's service, which every build's Astro process and its
 * prerender started for a dozen small files, was a child process and a thread each time.
 */
export function minifyInlineScript(source: string, file = 'inline.js'): string {
	const { code, errors } = minifySync(file, source, {
		module: false,
		compress: { target: 'es2022' },
		mangle: { toplevel: false },
	});
	if (errors.length) throw new Error(`${file}: ${errors.map((error) => error.message).join('; ')}`);
	return code;
}

/** The file names of the inline scripts (`theme-init.js`, …). */
export const inlineScriptFiles = () =>
	readdirSync(inlineScriptsDir).filter((file) => file.endsWith('.js'));

const minified = new Map<string, string>();

/** An inline script's text as pages carry it, from its path or its file name; minified once per file. */
export function readInlineScript(file: string): string {
	const absolute = file.includes('/') ? file : fileURLToPath(new URL(file, inlineScriptsDir));
	let text = minified.get(absolute);
	if (text === undefined)
		minified.set(absolute, (text = minifyInlineScript(readFileSync(absolute, 'utf8'), absolute)));
	return text;
}

/** The CSP hash of each inline script, as pages carry it. */
export const inlineScriptHashes = inlineScriptFiles().map(
	(file) =>
		`sha256-${createHash('sha256').update(readInlineScript(file)).digest('base64')}` as const,
);
