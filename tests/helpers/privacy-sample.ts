import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { listHtmlFiles } from '#tools/site-files.ts';

/** Attributes through which a page loads something as it opens (links to other pages load nothing). */
const loading = ['src', 'srcset', 'poster', 'data', 'action'];
const loadingLinks =
	'link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="icon"], link[rel~="manifest"]';

/**
 * What decides whether opening a page sends a request elsewhere or breaks its CSP: its page type
 * (its layout), its policy (per-page directives, hashes), the scripts it runs, and every origin
 * other than its own that its markup loads from. Pages alike in all four behave alike.
 */
export async function privacySignature(dist: string, file: string): Promise<string> {
	const $ = load(await readFile(path.join(dist, file), 'utf8'));
	const segments = file.split('/');
	const type = segments.length <= 2 ? file : `${segments[0]}/*`;
	const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
	const origins = new Set<string>();
	const note = (value: string | undefined) => {
		for (const candidate of (value ?? '').split(',')) {
			const url = candidate.trim().split(/\s+/)[0];
			if (url && /^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('data:'))
				origins.add(new URL(url).origin);
		}
	};
	$('*').each((_, element) => {
		for (const attribute of loading) note($(element).attr(attribute));
	});
	$(loadingLinks).each((_, element) => note($(element).attr('href')));
	// Scripts that run: JSON-LD and Pagefind's result templates are data.
	const scripts = $('script')
		.filter((_, script) => ['', 'module', 'text/javascript'].includes($(script).attr('type') ?? ''))
		.map(
			(_, script) =>
				$(script).attr('src') ?? createHash('sha256').update($(script).text()).digest('base64'),
		)
		.get();
	return JSON.stringify([type, policy, scripts, [...origins].sort()]);
}

/** One page of each privacy signature: what a crawl of every page would learn, from fewer pages. */
export async function privacySample(dist: string): Promise<string[]> {
	const chosen = new Map<string, string>();
	for (const file of await listHtmlFiles(dist)) {
		const signature = await privacySignature(dist, file);
		if (!chosen.has(signature)) chosen.set(signature, file);
	}
	return [...chosen.values()];
}
