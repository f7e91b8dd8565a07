import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { isCollectionFilePath } from './entry-id';
import { trackedFiles } from './git';

/**
 * What an import leaves in a content tree while it runs or after it was killed, and the proof
 * that it is the import's own before anything may act on it. The import itself, which writes
 * this state, is `schedule/import-journal.ts`; the listing of a tree (so `check` and the build)
 * reads it here.
 */

/** The folder an import stages files and keeps its journal in; git ignores it (and its lock, `<folder>.lock`). */
export const importWorkFolder = '.edelweiss-import';
/** Its journal: while it exists, an import is half applied. */
export const importJournalFile = 'journal.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const journalSchema = z.object({
	started: z.string(),
	files: z.array(
		z
			.object({
				/** Path inside the content tree: `talks/fosdem-2020/x.md`. */
				path: z.string(),
				/** sha256 of the text the import read, or null when the file did not exist. */
				before: sha256.nullable(),
				/** sha256 of the text the import writes (its staged file), or null when it deletes the file. */
				after: sha256.nullable(),
			})
			.strict(),
	),
});
export type Journal = z.infer<typeof journalSchema>;
export type JournalFile = Journal['files'][number];

export const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** The work folder's parts in `contentDir`. */
export const importStateFolders = (contentDir: string) => {
	const work = path.join(contentDir, importWorkFolder);
	return { work, stage: path.join(work, 'stage'), backup: path.join(work, 'backup'), journal: path.join(work, importJournalFile) };
};

/** What an earlier import left in a content tree. */
export type ImportState =
	| { kind: 'none' }
	/** A decided import whose journal is proven: completing it is safe. */
	| { kind: 'interrupted'; files: JournalFile[] }
	/** Internal state nothing may act on: `reason` says why; `path` is what to look at, inside the tree. */
	| { kind: 'untrusted'; path: string; reason: string };

/** What to do about an untrusted import state: never "complete" it. */
export const untrustedImportHint = `nothing in it was applied; if a merge request added it, take it out of the branch (git rm -r --cached '${importWorkFolder}*'), then delete it`;

/** The deepest existing folder of `file`, resolved through links, is inside `folder` (itself resolved). */
function resolvesInside(folder: string, file: string): boolean {
	let existing = path.dirname(file);
	while (!existsSync(existing) && existing !== path.dirname(existing)) existing = path.dirname(existing);
	const real = realpathSync(existing);
	const root = realpathSync(folder);
	return real === root || real.startsWith(root + path.sep);
}

/**
 * Reads what an earlier import left in `contentDir` and proves it before anything may act on
 * it: internal state that git tracks (a merge request committed it), a journal that is not
 * JSON of the journal's shape, a path that is not a content file inside its collection, a
 * staged file that is not the text the journal promises, or a link anywhere on the way are
 * all `untrusted`. Reads only; moves nothing.
 */
export async function inspectImportState(contentDir: string): Promise<ImportState> {
	const { work, stage, backup, journal } = importStateFolders(contentDir);
	const lock = `${work}.lock`;
	const [workStats, lockStats] = await Promise.all([lstat(work).catch(() => undefined), lstat(lock).catch(() => undefined)]);
	// Nothing on disk, nothing to trust: git is asked only when there is state it might have put there.
	if (!workStats && !lockStats) return { kind: 'none' };
	const tracked = trackedFiles(contentDir, `${importWorkFolder}*`);
	if (tracked.length) {
		return {
			kind: 'untrusted',
			path: tracked[0]!,
			reason: `git tracks an import's internal state (${tracked.slice(0, 3).join(', ')}${tracked.length > 3 ? ', …' : ''}): only an import on this machine writes it, never a commit`,
		};
	}
	if (!workStats) return { kind: 'none' };
	if (!workStats.isDirectory())
		return { kind: 'untrusted', path: importWorkFolder, reason: `${importWorkFolder} is not a folder an import made (a link or a file)` };
	const text = await readFile(journal, 'utf8').catch(() => undefined);
	if (text === undefined) return { kind: 'none' };

	const at = `${importWorkFolder}/${importJournalFile}`;
	const refuse = (reason: string): ImportState => ({ kind: 'untrusted', path: at, reason: `the import journal cannot be trusted: ${reason}` });
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return refuse('it is not JSON');
	}
	const result = journalSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return refuse(`${issue.path.join('.') || 'the whole file'}: ${issue.message} (expected { started, files: [{ path, before, after }] } with sha256 hashes)`);
	}
	const { files } = result.data;
	const seen = new Set<string>();
	for (const file of files) {
		if (!isCollectionFilePath(file.path)) return refuse(`"${file.path}" is not a content file inside a collection folder`);
		if (seen.has(file.path)) return refuse(`"${file.path}" is listed twice`);
		seen.add(file.path);
		const target = path.join(contentDir, file.path);
		if (!resolvesInside(contentDir, target) || !resolvesInside(work, path.join(backup, file.path))) {
			return refuse(`"${file.path}" leads through a link out of the content tree`);
		}
		const staged = path.join(stage, file.path);
		const stagedStats = await lstat(staged).catch(() => undefined);
		if (!stagedStats) continue;
		if (file.after === null) return refuse(`"${file.path}" is to be deleted, yet a new version of it is staged`);
		if (!stagedStats.isFile() || (await realpath(staged)) !== path.join(realpathSync(stage), file.path))
			return refuse(`the staged "${file.path}" is not a plain file`);
		if (textHash(await readFile(staged, 'utf8')) !== file.after) return refuse(`the staged "${file.path}" is not the text the journal records`);
	}
	return { kind: 'interrupted', files };
}
