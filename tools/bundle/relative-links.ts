import path from 'node:path/posix';

/**
 * Rewrites a root-relative URL (`/talks/x/#a`) as seen from a file of the site
 * (`events/y/index.html`) into one that works from disk: `../../talks/x/index.html#a`.
 * Other URLs (absolute, protocol-relative, fragment-only, already relative) are returned as they are.
 */
export function relativeUrl(fromFile: string, url: string, base = '/'): string {
	if (!url.startsWith('/') || url.startsWith('//')) return url;
	const [, pathname = '', suffix = ''] = url.match(/^([^?#]*)(.*)$/) ?? [];
	const root = base.replace(/\/?$/, '/');
	const sitePath = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.slice(1);
	const target = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
	const relative = path.relative(path.dirname(fromFile), target) || path.basename(target);
	return `${relative}${suffix}`;
}

/** URL-bearing attributes: links, sources, forms and the site's own `data-*` paths. */
const urlAttribute = /(\s(?:href|src|poster|action|data-[\w-]+)=)(["'])(\/(?!\/)[^"']*)\2/g;
const srcsetAttribute = /(\ssrcset=)(["'])([^"']*)\2/g;

/** Makes every root-relative URL in a built HTML page relative to that page. */
export function relativeHtml(html: string, fromFile: string, base = '/'): string {
	return html
		.replace(
			urlAttribute,
			(_, name: string, quote: string, url: string) =>
				`${name}${quote}${relativeUrl(fromFile, url, base)}${quote}`,
		)
		.replace(srcsetAttribute, (_, name: string, quote: string, list: string) => {
			const candidates = list.split(',').map((candidate) => {
				const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
				return [relativeUrl(fromFile, url, base), ...descriptor].join(' ');
			});
			return `${name}${quote}${candidates.join(', ')}${quote}`;
		});
}

/** Makes every root-relative `url(…)` in a built stylesheet relative to that stylesheet. */
export function relativeCss(css: string, fromFile: string, base = '/'): string {
	return css.replace(
		/url\((["']?)(\/(?!\/)[^"')]*)\1\)/g,
		(_, quote: string, url: string) => `url(${quote}${relativeUrl(fromFile, url, base)}${quote})`,
	);
}
