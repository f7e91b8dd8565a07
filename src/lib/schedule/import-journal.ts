import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '../concurrency';
import { importJournalFile, importWorkFolder } from '../content-files';

/**
 * How an import replaces (or deletes) files so that no kill, crash or Ctrl-C leaves the tree half imported.
 * Inside `<content>/.edelweiss-import/` (git-ignored, skipped by the build):
 *   1. every new file is written to `stage/`;
 *   2. `journal.json` is written (atomically): each file's path and the hashes of its text
 *      before and after; from here on the import is decided;
 *   3. each file is moved into place (a deleted one only away), its old version to `backup/`;
 *   4. the journal is deleted, then the folder.
 * The next import (or `completeInterruptedImport`) finds a journal and finishes step 3 from
 * where it stopped; a stage without a journal is an import that never decided: it is deleted.
 * The build refuses to run while a journal is there (`listContentFiles`).
 */

export interface JournalFile {
	/** Path inside the content tree: `talks/fosdem-2020/x.md`. */
	path: string;
	/** sha256 of the text the import read, or null when the file did not exist. */
	before: string | null;
	/** sha256 of the text the import writes, or null when it deletes the file. */
	after: string | null;
}

interface Journal {
	started: string;
	files: JournalFile[];
}

export const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

const hashOf = async (file: string) =>
	readFile(file, 'utf8').then(textHash, (error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return null;
		throw error;
	});

/** A file changed between the import reading it and the import replacing it: nothing is replaced. */
export class ImportChangedError extends Error {
	constructor(
		readonly paths: string[],
		interrupted = false,
	) {
		super(
			interrupted
				? `an interrupted import cannot be completed: ${paths.join(', ')} changed since; move your version aside, run the import again, then merge it back`
				: `${paths.join(', ')} changed while the import ran; nothing was written. Import again to merge it.`,
		);
		this.name = 'ImportChangedError';
	}
}

const folders = (contentDir: string) => {
	const work = path.join(contentDir, importWorkFolder);
	return { work, stage: path.join(work, 'stage'), backup: path.join(work, 'backup'), journal: path.join(work, importJournalFile) };
};

/**
 * Finishes an import that was interrupted after it decided (a journal exists), or clears away
 * one that never decided. Returns the files it completed.
 */
export async function completeInterruptedImport(contentDir: string): Promise<string[]> {
	const { work, stage, backup, journal } = folders(contentDir);
	const text = await readFile(journal, 'utf8').catch(() => undefined);
	if (text === undefined) {
		await rm(work, { recursive: true, force: true });
		return [];
	}
	const { files } = JSON.parse(text) as Journal;
	// A file someone changed since the interruption is neither version: stop before touching any.
	const changed: string[] = [];
	for (const file of files) {
		const current = await hashOf(path.join(contentDir, file.path));
		// A deletion not done yet still finds the file as it was read; one done finds nothing.
		if (file.after === null && current !== file.before && current !== null) changed.push(file.path);
		if (file.after !== null && existsSync(path.join(stage, file.path)) && current !== file.before && current !== null) changed.push(file.path);
		if (file.after !== null && !existsSync(path.join(stage, file.path)) && current !== file.after) changed.push(file.path);
	}
	if (changed.length) throw new ImportChangedError(changed, true);
	moveIntoPlace(contentDir, files, stage, backup);
	await rm(journal);
	await rm(work, { recursive: true, force: true });
	return files.map((file) => file.path);
}

/** Step 3, idempotent per file so a run that stopped anywhere can run again. */
function moveIntoPlace(
	contentDir: string,
	files: readonly JournalFile[],
	stage: string,
	backup: string,
	onMoved?: (done: number, total: number) => void,
): void {
	const made = new Set<string>();
	const ensureFolder = (folder: string) => {
		if (made.has(folder)) return;
		mkdirSync(folder, { recursive: true });
		made.add(folder);
	};
	files.forEach((file, index) => {
		const staged = path.join(stage, file.path);
		const target = path.join(contentDir, file.path);
		const previous = path.join(backup, file.path);
		const moveAside = () => {
			if (existsSync(target) && !existsSync(previous)) {
				ensureFolder(path.dirname(previous));
				renameSync(target, previous);
			}
		};
		if (file.after === null) {
			moveAside();
		} else if (existsSync(staged)) {
			moveAside();
			ensureFolder(path.dirname(target));
			renameSync(staged, target);
		}
		onMoved?.(index + 1, files.length);
	});
}

export interface CommitFile {
	path: string;
	/** The new text, or null to delete the file. */
	text: string | null;
	/** The text the import read and planned from, or undefined for a new file. */
	before: string | undefined;
}

/**
 * Writes `files` into the content tree through the journal above. Refuses, before replacing
 * anything, when a target changed since the import read it (an edit saved meanwhile, a file
 * that appeared). The rename pass holds Ctrl-C and SIGTERM until it is done.
 */
export async function commitFiles(contentDir: string, files: readonly CommitFile[], onMoved?: (done: number, total: number) => void): Promise<void> {
	const { work, stage, backup, journal } = folders(contentDir);
	await rm(work, { recursive: true, force: true });
	try {
		const written = files.filter((file) => file.text !== null);
		for (const folder of new Set(written.map((file) => path.dirname(path.join(stage, file.path))))) await mkdir(folder, { recursive: true });
		await mapConcurrently(written, fileConcurrency, (file) => writeFile(path.join(stage, file.path), file.text!));
		const entries: JournalFile[] = files.map((file) => ({
			path: file.path,
			before: file.before === undefined ? null : textHash(file.before),
			after: file.text === null ? null : textHash(file.text),
		}));
		const current = await mapConcurrently(entries, fileConcurrency, (entry) => hashOf(path.join(contentDir, entry.path)));
		const changed = entries.filter((entry, index) => current[index] !== entry.before).map((entry) => entry.path);
		if (changed.length) throw new ImportChangedError(changed);
		await writeFile(`${journal}.new`, JSON.stringify({ started: new Date().toISOString(), files: entries } satisfies Journal));
		await rename(`${journal}.new`, journal);
	} catch (error) {
		await rm(work, { recursive: true, force: true });
		throw error;
	}

	// Signals arrive through the event loop, so with listeners installed they wait for this loop.
	let received: NodeJS.Signals | undefined;
	const holdSignals = (signal: NodeJS.Signals) => (received ??= signal);
	process.on('SIGINT', holdSignals).on('SIGTERM', holdSignals);
	try {
		moveIntoPlace(
			contentDir,
			files.map((file) => ({ path: file.path, before: null, after: file.text === null ? null : '' })),
			stage,
			backup,
			onMoved,
		);
		rmSync(journal);
		rmSync(work, { recursive: true, force: true });
	} finally {
		setImmediate(() => {
			process.off('SIGINT', holdSignals).off('SIGTERM', holdSignals);
			if (received) process.kill(process.pid, received);
		});
	}
}
