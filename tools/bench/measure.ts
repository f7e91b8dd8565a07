import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { listSiteFiles } from '#tools/site-files.ts';

/** What `npm run build` says about its phases, in seconds (tools/build/run-build.ts and Astro). */
export interface BuildPhases {
	pages?: number | undefined;
	/** Pages rendered, and pages Astro copied unchanged from its incremental cache. */
	renderedPages?: number | undefined;
	cachedPages?: number | undefined;
	/** True when the build found every input unchanged and built nothing. */
	upToDate?: boolean | undefined;
	/** Hashing the inputs, before anything else (`[edelweiss:build] inputs digested in …`). */
	fingerprintSeconds?: number | undefined;
	/** Our content validation, before Astro reads anything (`src/integrations/content-validation.ts`); 0 when skipped as unchanged. */
	validationSeconds?: number | undefined;
	/** Content sync and type generation (`[types] Generated …`). */
	syncSeconds?: number | undefined;
	/** Matching talks to topics, once per build inside Astro (`src/lib/hub/hub.ts`). */
	topicsSeconds?: number | undefined;
	/** Rendering every page (`generating static routes … Completed in …`). */
	renderSeconds?: number | undefined;
	/** Removing stale output after Astro (`tools/build/prune.ts`). */
	pruneSeconds?: number | undefined;
	/** Pagefind, after Astro has exited (`tools/build/pagefind-step.ts`). */
	pagefindSeconds?: number | undefined;
	/** `offline.json` and the service worker (`tools/build/offline-step.ts`). */
	offlineSeconds?: number | undefined;
	/** Astro's own total, from config loaded to its last page (`… page(s) built in …`). */
	astroSeconds?: number | undefined;
}

/** Seconds from Astro's `27ms` / `5.77s` / `1m 3s` durations. */
export function parseDuration(text: string): number | undefined {
	const match = /^(?:(\d+)m\s*)?(?:(\d+(?:\.\d+)?)(ms|s))?$/.exec(text.trim());
	if (!match || (!match[1] && !match[2])) return undefined;
	const minutes = Number(match[1] ?? 0);
	const rest = Number(match[2] ?? 0) / (match[3] === 'ms' ? 1000 : 1);
	return minutes * 60 + rest;
}

/** A duration as Astro prints it (`27ms`, `5.77s`, `2m 3s`) or as our steps do (`1.0s`). */
const duration = String.raw`(\d+m \d+s|\d+(?:\.\d+)?m?s)`;

/** Picks the phase timings out of a build log (colours already stripped). */
export function parseBuildLog(output: string): BuildPhases {
	const find = (pattern: string) => {
		const match = new RegExp(pattern, 'm').exec(output);
		const text = match?.slice(1).find((group) => group !== undefined);
		return text === undefined ? undefined : parseDuration(text);
	};
	const pages = /(\d+) page\(s\) built in/.exec(output);
	const routes = output.split('\n').filter((line) => /[├└]─ \//.test(line));
	const cached = routes.filter((line) => /\((cached|restored)\)\s*$/.test(line)).length;
	const skippedValidation = /content unchanged since it was last validated/.test(output);
	return {
		pages: pages ? Number(pages[1]) : undefined,
		renderedPages: routes.length ? routes.length - cached : undefined,
		cachedPages: routes.length ? cached : undefined,
		upToDate: /nothing changed since the last build/.test(output),
		fingerprintSeconds: find(String.raw`inputs digested in ${duration}`),
		validationSeconds: skippedValidation ? 0 : find(String.raw`content files valid in ${duration}`),
		syncSeconds: find(String.raw`\[types\] Generated ${duration}`),
		topicsSeconds: find(String.raw`talks matched against \d+ topics in ${duration}`),
		renderSeconds: find(String.raw`generating static routes[\s\S]*?✓ Completed in ${duration}`),
		pruneSeconds: find(String.raw`pruned \d+ stale files in ${duration}`),
		pagefindSeconds: find(
			String.raw`Pagefind (?:indexed \d+ pages in ${duration}|bundle kept: .*\(${duration}\))`,
		),
		offlineSeconds: find(String.raw`offline files written in ${duration}`),
		astroSeconds: find(String.raw`page\(s\) built in ${duration}`),
	};
}

export interface DirectoryStats {
	bytes: number;
	files: number;
}

/** Total size and number of files under `dir`. */
export async function directoryStats(dir: string): Promise<DirectoryStats> {
	const files = await listSiteFiles(dir);
	// Tens of thousands of files at 10,000 talks: a few at a time, not all at once.
	const sizes = await mapConcurrently(
		files,
		fileConcurrency,
		async (file) => (await stat(path.join(dir, file))).size,
	);
	return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: files.length };
}

export const gzipSize = (bytes: Uint8Array | string) => gzipSync(bytes).length;

/** Types a static host compresses on the fly; Pagefind's index and WASM files are gzip already. */
const compressible = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg)/;

/** The bytes a gzip-serving host sends for a response of this type and body. */
export function transferSize(contentType: string, body: Uint8Array): number {
	return compressible.test(contentType) ? Math.min(body.length, gzipSize(body)) : body.length;
}

export interface PageWeight {
	/** HTML, CSS and JS the page loads, raw and gzip. */
	bytes: number;
	gzipBytes: number;
	/** JavaScript alone, inline and external, raw. */
	scriptBytes: number;
	/** Script files the page loads (inline scripts cost no request). */
	scriptFiles: number;
	/** The document and every stylesheet, script, icon and image it references. */
	requests: number;
}

/** Weighs a built page from its HTML and the local files it references (what a first visit loads). */
export async function pageWeight(dist: string, pagePath: string): Promise<PageWeight> {
	const html = await readFile(
		path.join(dist, pagePath, pagePath.endsWith('.html') ? '' : 'index.html'),
		'utf8',
	);
	const $ = cheerio.load(html);
	const local = (url: string | undefined) =>
		url && url.startsWith('/') && !url.startsWith('//') ? url : undefined;
	const stylesheets = $('link[rel="stylesheet"]')
		.map((_, link) => local($(link).attr('href')))
		.get();
	const scripts = $('script[src]')
		.map((_, script) => local($(script).attr('src')))
		.get();
	const others = $('link[rel~="icon"], link[rel="modulepreload"], img[src]')
		.map((_, element) => local($(element).attr('href') ?? $(element).attr('src')))
		.get();
	const read = (url: string) =>
		readFile(path.join(dist, decodeURIComponent(new URL(url, 'http://x').pathname)));
	const [css, js] = await Promise.all([
		Promise.all(stylesheets.map(read)),
		Promise.all(scripts.map(read)),
	]);
	const inlineScripts = $('script:not([src])')
		.filter((_, script) => /^(|module|text\/javascript)$/.test($(script).attr('type') ?? ''))
		.map((_, script) => $(script).text())
		.get()
		.join('');
	const texts = [Buffer.from(html), ...css, ...js];
	return {
		bytes: texts.reduce((sum, text) => sum + text.length, 0),
		gzipBytes: texts.reduce((sum, text) => sum + gzipSize(text), 0),
		scriptBytes: Buffer.byteLength(inlineScripts) + js.reduce((sum, text) => sum + text.length, 0),
		scriptFiles: new Set(scripts).size,
		requests: 1 + new Set([...stylesheets, ...scripts, ...others]).size,
	};
}
