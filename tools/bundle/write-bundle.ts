import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { diskFragment, pagefindDataScript } from './pagefind-data';
import { relativeCss, relativeHtml } from './relative-links';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { listSiteFiles } from '#tools/site-files.ts';

const fileBundleSources = fileURLToPath(new URL('../../src/client/file-bundle/', import.meta.url));

export interface BundleOptions {
	/** The built site (`dist/`). */
	site: string;
	/** The folder to write; replaced only once the new copy is complete. */
	out: string;
	/** A zip of the folder to write next to it, if any. */
	zip?: string | undefined;
	/** Astro's `base`, if the site was built under a sub-path. */
	base?: string | undefined;
}

/** Pagefind files the search reads at run time: the indexes (the hub's and each edition's) and their list, not the UIs' code. */
const isIndexFile = (name: string) =>
	/^(editions\.json|wasm\..*\.pagefind|(editions\/.+?\/)?(pagefind-entry\.json|[^/]*\.pf_meta|(index|filter|fragment)\/.*))$/.test(
		name,
	);

/** An ES module (a file, or source text) as one classic script, its imports bundled in. */
async function classicScript(module: string | { contents: string }): Promise<string> {
	const result = await build({
		...(typeof module === 'string'
			? { entryPoints: [module] }
			: { stdin: { contents: module.contents, loader: 'js' } }),
		bundle: true,
		format: 'iife',
		target: 'es2022',
		write: false,
		logLevel: 'error',
	});
	return result.outputFiles[0]!.text;
}

const componentUiImport = 'import(`${this.options.bundlePath}pagefind.js`)';

/**
 * Pagefind's Component UI imports `pagefind.js` by URL, which fails from disk: point that one
 * import at the classic Pagefind of `pagefind-file.js`. Refuses a version it does not recognise.
 */
export function componentUiForDisk(source: string): { contents: string } {
	const found = source.split(componentUiImport).length - 1;
	if (found !== 1)
		throw new Error(
			`pagefind-component-ui.js: expected one ${componentUiImport}, found ${found}; this Pagefind version needs a new bundler rule`,
		);
	return { contents: source.replace(componentUiImport, 'self.edelweissPagefind') };
}

/**
 * Writes a copy of the built site that works opened from disk (`file://`): every URL relative,
 * and Pagefind turned into classic scripts with its index inlined, so search needs no server.
 */
export async function writeOfflineBundle({
	site,
	out,
	zip,
	base = '/',
}: BundleOptions): Promise<{ pages: number; files: number }> {
	for (const required of ['index.html', 'pagefind/pagefind.js']) {
		if (!(await stat(path.join(site, required)).catch(() => undefined))) {
			throw new Error(
				`${path.join(site, required)} is missing: build the site (npm run build) before bundling it.`,
			);
		}
	}
	const staging = `${out}.partial`;
	await rm(staging, { recursive: true, force: true });
	await mkdir(path.dirname(staging), { recursive: true });
	await cp(site, staging, { recursive: true });
	try {
		const files = await listSiteFiles(staging);
		const pages = files.filter((file) => file.endsWith('.html'));
		const classicCopies = new Map<string, string>();
		for (const file of pages) {
			const target = path.join(staging, file);
			let html = await readFile(target, 'utf8');
			// Module scripts do not run from disk: each becomes a deferred classic script.
			for (const [tag, src] of html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)) {
				if (!classicCopies.has(src!)) {
					const classic = src!.replace(/\.m?js$/, '.classic.js');
					await writeFile(
						path.join(staging, classic),
						await classicScript(path.join(staging, src!)),
					);
					classicCopies.set(src!, classic);
				}
				html = html.replace(tag, `<script defer src="${classicCopies.get(src!)}"></script>`);
			}
			html = html.replace(
				'<head>',
				`<head><script src="${base.replace(/\/?$/, '/')}pagefind/search-loader.js"></script>`,
			);
			await writeFile(target, relativeHtml(html, file, base));
		}
		for (const file of files.filter((name) => name.endsWith('.css'))) {
			const target = path.join(staging, file);
			await writeFile(target, relativeCss(await readFile(target, 'utf8'), file, base));
		}

		const pagefindDir = path.join(staging, 'pagefind');
		const index = new Map<string, Uint8Array>();
		for (const name of (await listSiteFiles(pagefindDir)).filter(isIndexFile)) {
			const bytes = await readFile(path.join(pagefindDir, name));
			index.set(name, /(^|\/)fragment\//.test(name) ? diskFragment(bytes, name) : bytes);
		}
		await writeFile(path.join(pagefindDir, 'pagefind-data.js'), pagefindDataScript(index));
		await build({
			entryPoints: [path.join(fileBundleSources, 'pagefind-classic.js')],
			outfile: path.join(pagefindDir, 'pagefind-file.js'),
			alias: { 'pagefind-module': path.join(pagefindDir, 'pagefind.js') },
			bundle: true,
			format: 'iife',
			target: 'es2022',
			logLevel: 'error',
		});
		await cp(
			path.join(fileBundleSources, 'search-loader.js'),
			path.join(pagefindDir, 'search-loader.js'),
		);
		const componentUi = path.join(pagefindDir, 'pagefind-component-ui.js');
		if (await stat(componentUi).catch(() => undefined)) {
			await writeFile(
				path.join(pagefindDir, 'pagefind-component-ui-file.js'),
				await classicScript(componentUiForDisk(await readFile(componentUi, 'utf8'))),
			);
		}
		await rm(out, { recursive: true, force: true });
		await rename(staging, out);
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		throw error;
	}

	const written = await listSiteFiles(out);
	if (zip) {
		const folder = path.basename(out);
		const entries = Object.fromEntries(
			await mapConcurrently(
				written,
				fileConcurrency,
				async (file) => [`${folder}/${file}`, await readFile(path.join(out, file))] as const,
			),
		);
		await writeFile(`${zip}.partial`, zipSync(entries, { level: 6 }));
		await rename(`${zip}.partial`, zip);
	}
	return { pages: written.filter((file) => file.endsWith('.html')).length, files: written.length };
}
