import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import type { Problem } from '#lib/validation/problem.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { listHtmlFiles } from '#tools/site-files.ts';
import { resolveStaticFile } from '#tools/static-server.ts';

const linkAttributes = [
	['a[href]', 'href'],
	['link[href]', 'href'],
	['img[src]', 'src'],
	['script[src]', 'src'],
	['source[src]', 'src'],
	['video[src]', 'src'],
	['video[poster]', 'poster'],
] as const;

/**
 * Checks a built site's internal links, anchors and assets: every same-site `href`/`src` must
 * resolve to a built file and every `#fragment` to an element id on its page. External URLs are
 * not fetched: the check runs offline. The site is checked as built for the root path (the
 * check builds without `BASE_PATH`); `label` names a page in problems.
 */
export async function checkSiteLinks(
	dist: string,
	label = (file: string) => `dist/${file}`,
): Promise<Problem[]> {
	const files = await listHtmlFiles(dist);
	const idsByFile = new Map<string, Set<string>>();
	const idsOf = async (file: string) => {
		let ids = idsByFile.get(file);
		if (!ids) {
			const $ = load(await readFile(file, 'utf8'));
			ids = new Set(
				$('[id]')
					.map((_, element) => $(element).attr('id')!)
					.get(),
			);
			idsByFile.set(file, ids);
		}
		return ids;
	};
	const origin = 'https://site.invalid';
	const problems: Problem[] = [];

	for (const file of files) {
		const html = await readFile(path.join(dist, file), 'utf8');
		const $ = load(html, { sourceCodeLocationInfo: true });
		const pageUrl = new URL(urlPathOf(file), origin);
		for (const [selector, attribute] of linkAttributes) {
			for (const element of $(selector).toArray()) {
				const value = $(element).attr(attribute)!;
				const url = new URL(value, pageUrl);
				if (url.origin !== origin) continue;
				const location = element.sourceCodeLocation;
				const at = {
					file: label(file),
					...(location ? { line: location.startLine, column: location.startCol } : {}),
				};
				const target = await resolveStaticFile(dist, url.pathname);
				if (!target) {
					problems.push({
						...at,
						message: `${attribute}="${value}" points at nothing: ${url.pathname} is not in the built site`,
					});
					continue;
				}
				const fragment = decodeURIComponent(url.hash.slice(1));
				if (fragment && target.endsWith('.html') && !(await idsOf(target)).has(fragment)) {
					problems.push({
						...at,
						message: `${attribute}="${value}" points at a missing heading or anchor "#${fragment}" on ${url.pathname}`,
					});
				}
			}
		}
	}
	return problems;
}
