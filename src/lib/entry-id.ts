import { slug } from 'github-slugger';

/** File extensions the hub reads as content. */
export const contentExtensions = ['.md', '.mdx'] as const;

/**
 * The id of a content entry from its path inside its collection folder:
 * `2021/Ifupdown-NG.mdx` → `2021/ifupdown-ng`. Front matter cannot override it,
 * so the file name is the one place an id is decided.
 */
export function entryIdFromPath(relativePath: string): string {
	const withoutExtension = relativePath.replace(/\.(md|mdx)$/i, '');
	return withoutExtension
		.split(/[\\/]/)
		.map((segment) => slug(segment))
		.join('/');
}
