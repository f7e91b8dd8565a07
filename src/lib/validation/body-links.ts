import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CollectionName } from '#lib/content/collections.ts';
import { isPagePath, staticPagePaths, type KnownValues } from '#lib/site/site-routes.ts';
import { entryPath, tagPath } from '#lib/view/urls.ts';
import { closestMatches } from '#lib/search/suggest.ts';
import type { BodyScan } from './body';
import { entryTags, type ValidEntry } from './integrity';
import type { Problem } from './problem';

/** One content file's body scan, with where the entry is published. */
export interface ScannedBody extends BodyScan {
	collection: CollectionName;
	id: string;
	file: string;
}

export interface BodyReferenceOptions {
	/** The project root: `file` paths and `public/` are relative to it. */
	root: string;
}

const external = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The pages a missing link most likely meant, as site paths with a trailing slash: the pages
 * without parameters, every entry's and every tag's.
 */
function likelyPages(bodies: readonly ScannedBody[], entries: readonly ValidEntry[]): Set<string> {
	const tags = entries.flatMap(entryTags);
	return new Set([
		...staticPagePaths(),
		...bodies.map((body) => entryPath(body.collection, body.id)),
		...tags.map(tagPath),
	]);
}

/** The page a link points at, as a site path with a trailing slash, or undefined for files such as `/rss.xml`. */
function pagePath(url: string, from: string): string | undefined {
	const { pathname } = new URL(url, `https://site.invalid${from}`);
	if (/\.[a-z0-9]+$/i.test(pathname)) return undefined;
	return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/**
 * Resolves what bodies point at: `<TalkCard id>` must name a talk, internal links a page the
 * hub publishes, images a file beside the entry or in `public/`. External URLs are not fetched.
 */
export function checkBodyReferences(
	bodies: readonly ScannedBody[],
	entries: readonly ValidEntry[],
	{ root }: BodyReferenceOptions,
): Problem[] {
	const pages = likelyPages(bodies, entries);
	const idsByCollection = new Map<string, Set<string>>();
	for (const body of bodies)
		idsByCollection.set(
			body.collection,
			(idsByCollection.get(body.collection) ?? new Set()).add(body.id),
		);
	const known: KnownValues = {
		ids: (collection) => idsByCollection.get(collection) ?? new Set(),
		tags: new Set(entries.flatMap(entryTags)),
	};
	const talkIds = bodies.filter((body) => body.collection === 'talks').map((body) => body.id);
	const problems: Problem[] = [];

	for (const body of bodies) {
		const at = (position: { line: number; column: number }) => ({
			file: body.file,
			line: position.line,
			column: position.column,
		});
		for (const card of body.talkCards) {
			if (talkIds.includes(card.id)) continue;
			const suggestions = closestMatches(card.id, talkIds);
			problems.push({
				...at(card),
				message: `<TalkCard> names unknown talk "${card.id}"`,
				hint: suggestions.length
					? `did you mean ${suggestions.map((id) => `"${id}"`).join(', ')}?`
					: 'use the file name of a talk in content/talks/',
			});
		}
		for (const link of body.links) {
			if (external.test(link.url) || link.url.startsWith('#')) continue;
			if (link.kind === 'image') {
				const [file] = link.url.split(/[?#]/);
				const absolute = file!.startsWith('/')
					? path.join(root, 'public', decodeURIComponent(file!))
					: path.resolve(root, path.dirname(body.file), decodeURIComponent(file!));
				if (!existsSync(absolute)) {
					problems.push({
						...at(link),
						message: `image "${link.url}" does not exist`,
						hint: `expected a file at ${path.relative(root, absolute).split(path.sep).join('/')}`,
					});
				}
				continue;
			}
			if (/\.mdx?([?#]|$)/.test(link.url)) {
				problems.push({
					...at(link),
					message: `link "${link.url}" points at a source file`,
					hint: 'link to the page instead, e.g. /talks/<id>/',
				});
				continue;
			}
			const page = pagePath(link.url, entryPath(body.collection, body.id));
			if (!page || isPagePath(page, known)) continue;
			// Parents such as `/talks/` contain every child path; they are no useful guess.
			const suggestions = closestMatches(
				page,
				[...pages].filter((candidate) => !page.startsWith(candidate)),
				1,
			);
			problems.push({
				...at(link),
				message: `link to a missing page "${link.url}"`,
				hint: suggestions.length
					? `did you mean "${suggestions[0]}"?`
					: 'pages are /<collection>/<id>/, e.g. /talks/<file name>/',
			});
		}
	}
	return problems;
}
