import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { collectionNames, isCollectionName, type CollectionName } from './collections';
import { contentExtensions, entryIdFromPath } from './entry-id';
import { importWorkFolder, inspectImportState, untrustedImportHint } from './import-state';

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
	untrusted?: 'symbolic link' | 'interrupted import' | 'untrusted import state';
}

export interface ContentListing {
	files: ContentFile[];
	problems: ListingProblem[];
}

/**
 * Names that look like content but that the hub would silently skip: other Markdown and text
 * extensions, `.MD`, and near misses an editor or a merge leaves (`x.md.`, `x.md ` `x.md~`, `x.md.orig`).
 */
const misnamedContent = /\.(?:(?:mdx?|markdown|mdown|mkd)(?:[.~\s].*)?|txt|ya?ml|json)$/i;

const isContentName = (name: string) => contentExtensions.some((extension) => name.endsWith(extension));

const symlinkProblem = (at: string): ListingProblem => ({
	path: at,
	message: 'symbolic links are refused: the build would publish whatever they point to',
	untrusted: 'symbolic link',
	hint: 'replace the link with the file itself (or the folder with its files)',
});

const utf8Name = new TextDecoder('utf-8', { fatal: true });

/**
 * Everything under `folder`, by path inside it with `/`, without following links. A name that
 * is not UTF-8 is listed but not entered: Node can open nothing by it (its recursive `readdir`
 * failed on such a folder).
 */
async function folderEntries(folder: string): Promise<{ name: string; kind: 'file' | 'folder' | 'link' | 'other'; utf8: boolean }[]> {
	const found: { name: string; kind: 'file' | 'folder' | 'link' | 'other'; utf8: boolean }[] = [];
	const pending = [''];
	for (let inside = pending.pop(); inside !== undefined; inside = pending.pop()) {
		for (const dirent of await readdir(path.join(folder, inside), { withFileTypes: true, encoding: 'buffer' })) {
			let leaf = dirent.name.toString('utf8');
			let utf8 = true;
			try {
				leaf = utf8Name.decode(dirent.name);
			} catch {
				utf8 = false;
			}
			const name = inside ? `${inside}/${leaf}` : leaf;
			const kind = dirent.isSymbolicLink() ? 'link' : dirent.isDirectory() ? 'folder' : dirent.isFile() ? 'file' : 'other';
			found.push({ name, kind, utf8 });
			if (kind === 'folder' && utf8) pending.push(name);
		}
	}
	return found;
}

/** A name whose bytes are not UTF-8: Node reads it with U+FFFD in place of them, and no file has that name. */
const undecodableNameProblem = (at: string): ListingProblem => ({
	path: at,
	message: 'the file name is not UTF-8 text, so the file cannot be read by it',
	hint: 'rename it with ASCII words joined by hyphens',
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

	const importState = await inspectImportState(contentDir);
	if (importState.kind === 'interrupted') {
		problems.push({
			path: `${importWorkFolder}/journal.json`,
			message: 'an import was interrupted while it replaced files, so the content is half imported',
			untrusted: 'interrupted import',
			hint: 'run `npm run import -- --finish` to complete it (any import completes it first)',
		});
	} else if (importState.kind === 'untrusted') {
		problems.push({ path: importState.path, message: importState.reason, untrusted: 'untrusted import state', hint: untrustedImportHint });
	}

	for (const dirent of await readdir(contentDir, { withFileTypes: true })) {
		if (dirent.name.startsWith('.')) continue;
		if (dirent.name.includes('\uFFFD')) problems.push(undecodableNameProblem(dirent.name));
		else if (dirent.isSymbolicLink()) problems.push(symlinkProblem(dirent.name));
		else if (dirent.isDirectory() && !isCollectionName(dirent.name)) {
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
		const entries = (await folderEntries(folder))
			.filter(({ name }) => !name.split('/').some((segment) => segment.startsWith('.')))
			.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const { kind, name, utf8 } of entries) {
			const at = `${collection}/${name}`;
			if (!utf8) problems.push(undecodableNameProblem(at));
			else if (kind === 'link') problems.push(symlinkProblem(at));
			else if (kind !== 'file') continue;
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
