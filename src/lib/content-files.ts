import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { collectionNames, type CollectionName } from './collections';
import { contentExtensions, entryIdFromPath } from './entry-id';

/** A content file of a collection, as Astro's glob loader would find it. */
export interface ContentFile {
	collection: CollectionName;
	/** Path inside the collection folder, with `/`: `2021/ifupdown-ng.mdx`. */
	name: string;
	/** Path inside the content tree, with `/`: `talks/2021/ifupdown-ng.mdx`. */
	path: string;
	id: string;
}

/** Something in the content tree that is not published as it stands. */
export interface ListingProblem {
	/** Path inside the content tree, with `/`; `.` for the tree itself. */
	path: string;
	message: string;
	hint?: string;
	/** Set when the tree cannot be trusted as it stands: a link could point anywhere, an import is half done. */
	untrusted?: 'symbolic link' | 'interrupted import';
}

export interface ContentListing {
	files: ContentFile[];
	problems: ListingProblem[];
}

/** The folder an import stages files and keeps its journal in (`import-journal.ts`); git ignores it. */
export const importWorkFolder = '.edelweiss-import';
/** Its journal: while it exists, an import is half applied. */
export const importJournalFile = 'journal.json';

/**
 * Names that look like content but that the hub would silently skip: other Markdown and text
 * extensions, `.MD`, and near misses an editor or a merge leaves (`x.md.`, `x.md ` `x.md~`, `x.md.orig`).
 */
const misnamedContent = /\.(?:(?:mdx?|markdown|mdown|mkd)(?:[.~\s].*)?|txt|ya?ml|json)$/i;

const isContentName = (name: string) => contentExtensions.some((extension) => name.endsWith(extension));
const toPosix = (file: string) => file.split(path.sep).join('/');

const symlinkProblem = (at: string): ListingProblem => ({
	path: at,
	message: 'symbolic links are refused: the build would publish whatever they point to',
	untrusted: 'symbolic link',
	hint: 'replace the link with the file itself (or the folder with its files)',
});

/**
 * Lists the content files of each collection without following symbolic links, and what in the
 * tree would not be published as it stands: links (refused), files outside the collection
 * folders, folders that are not collections, content files with the wrong extension, and a
 * missing tree. Names starting with `.` are skipped, as Astro's glob loader skips them.
 */
export async function listContentFiles(contentDir: string, collections: readonly CollectionName[] = collectionNames): Promise<ContentListing> {
	const files: ContentFile[] = [];
	const problems: ListingProblem[] = [];
	const root = await lstat(contentDir).catch(() => undefined);
	if (!root?.isDirectory()) {
		problems.push({
			path: '.',
			message: root ? 'expected the content folder, found a file' : 'the content folder does not exist',
			hint: `the content folder holds ${collectionNames.join(', ')}; check the path`,
		});
		return { files, problems };
	}

	const journal = await lstat(path.join(contentDir, importWorkFolder, importJournalFile)).catch(() => undefined);
	if (journal) {
		problems.push({
			path: `${importWorkFolder}/${importJournalFile}`,
			message: 'an import was interrupted while it replaced files, so the content is half imported',
			untrusted: 'interrupted import',
			hint: 'run `npm run import -- --finish` to complete it (any import completes it first)',
		});
	}

	for (const dirent of await readdir(contentDir, { withFileTypes: true })) {
		if (dirent.name.startsWith('.')) continue;
		if (dirent.isSymbolicLink()) problems.push(symlinkProblem(dirent.name));
		else if (dirent.isDirectory() && !(collectionNames as readonly string[]).includes(dirent.name)) {
			problems.push({
				path: dirent.name,
				message: `"${dirent.name}" is not a collection, so nothing in it is published`,
				hint: `collections are ${collectionNames.join(', ')}`,
			});
		} else if (!dirent.isDirectory()) {
			problems.push({
				path: dirent.name,
				message: 'this file is outside every collection, so it is not published',
				hint: `move it into one of ${collectionNames.join(', ')}, or out of the content folder`,
			});
		}
	}

	for (const collection of collections) {
		const folder = path.join(contentDir, collection);
		const stats = await lstat(folder).catch(() => undefined);
		if (!stats?.isDirectory()) continue;
		const dirents = await readdir(folder, { withFileTypes: true, recursive: true });
		const entries = dirents
			.map((dirent) => ({ dirent, name: toPosix(path.relative(folder, path.join(dirent.parentPath, dirent.name))) }))
			.filter(({ name }) => !name.split('/').some((segment) => segment.startsWith('.')))
			.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const { dirent, name } of entries) {
			const at = `${collection}/${name}`;
			if (dirent.isSymbolicLink()) problems.push(symlinkProblem(at));
			else if (!dirent.isFile()) continue;
			else if (isContentName(name)) files.push({ collection, name, path: at, id: entryIdFromPath(name) });
			else if (misnamedContent.test(name)) {
				problems.push({
					path: at,
					message: 'this file is not read: content files end in .md or .mdx',
					hint: 'rename it to end in .md or .mdx, or move it out of the content folder',
				});
			}
		}
	}
	return { files, problems };
}
