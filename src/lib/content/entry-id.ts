import { slug } from 'github-slugger';
import { isCollectionName } from './collections';

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

/**
 * Proves `file` (a path inside the content tree, with `/`) names a content file inside its
 * collection's folder, whatever text it came from: no `..`, no absolute path, no hidden or
 * empty segment, no other folder, no other extension. Every path an import or its journal
 * writes passes through here before anything moves.
 */
export function isCollectionFilePath(file: string): boolean {
	const [collection = '', ...rest] = file.split('/');
	return (
		isCollectionName(collection) &&
		rest.length > 0 &&
		rest.every((segment) => segment !== '' && segment !== '..' && !segment.startsWith('.') && !/[\\\0]/.test(segment)) &&
		contentExtensions.some((extension) => file.endsWith(extension))
	);
}

/** An id as CONTRIBUTING.md asks for: ASCII lower-case words joined by hyphens, in folders if need be. */
export const isEntryId = (id: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/.test(id);

/**
 * `Über Café: the 2nd!` → `uber-cafe-the-2nd`: an id in ASCII words, accents dropped, at most
 * `maxBytes` long (cut at a word); `''` when nothing ASCII is left (a CJK title, `!!!`).
 */
export function asciiId(text: string, maxBytes: number): string {
	const words = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let id = '';
	for (const word of words) {
		const next = id ? `${id}-${word}` : word;
		if (next.length > maxBytes) return id || word.slice(0, maxBytes);
		id = next;
	}
	return id;
}
