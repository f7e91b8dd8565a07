import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { withFolderLock, type LockOptions } from '#tools/folder-lock.ts';
import {
	importStateFolders,
	importWorkFolder,
	inspectImportState,
	textHash,
	untrustedImportHint,
	type ImportState,
	type Journal,
	type JournalFile,
} from '#lib/content/import-state.ts';

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
 *
 * A journal is only ever completed once it is proven to be one an import on this machine
 * wrote (`inspectImportState`): git does not track it (a merge request cannot commit one), every
 * path is a content file inside its collection, and every staged file is the text whose hash
 * it records. Anything else is refused, naming why, and nothing moves.
 */

const hashOf = async (file: string) =>
	readFile(file, 'utf8').then(textHash, (error: NodeJS.ErrnoException) => {
		// A folder where a file's folder should be is as absent as a missing file; moving into it fails, naming it.
		if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
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

/** Internal import state that cannot be trusted: nothing was moved. */
export class UntrustedImportStateError extends Error {
	constructor(contentDir: string, state: Extract<ImportState, { kind: 'untrusted' }>) {
		super(`${path.join(contentDir, state.path)}: ${state.reason}; ${untrustedImportHint}`);
		this.name = 'UntrustedImportStateError';
	}
}

/**
 * Finishes an import that was interrupted after it decided (a proven journal exists), or clears
 * away one that never decided. Returns the files it completed. Refuses an untrusted state.
 */
export async function completeInterruptedImport(contentDir: string): Promise<string[]> {
	const { work, stage, backup, journal } = importStateFolders(contentDir);
	const state = await inspectImportState(contentDir);
	if (state.kind === 'untrusted') throw new UntrustedImportStateError(contentDir, state);
	if (state.kind === 'none') {
		await rm(work, { recursive: true, force: true });
		return [];
	}
	const { files } = state;
	// A file someone changed since the interruption is neither version: stop before touching any.
	const changed: string[] = [];
	for (const file of files) {
		const current = await hashOf(path.join(contentDir, file.path));
		// A deletion not done yet still finds the file as it was read; one done finds nothing.
		if (file.after === null && current !== file.before && current !== null) changed.push(file.path);
		if (
			file.after !== null &&
			existsSync(path.join(stage, file.path)) &&
			current !== file.before &&
			current !== null
		)
			changed.push(file.path);
		if (file.after !== null && !existsSync(path.join(stage, file.path)) && current !== file.after)
			changed.push(file.path);
	}
	if (changed.length) throw new ImportChangedError(changed, true);
	moveIntoPlace(contentDir, files, stage, backup);
	await rm(journal);
	await rm(work, { recursive: true, force: true });
	return files.map((file) => file.path);
}

/** A decided import stopped while moving files: the next `--finish` completes it. */
export class ImportHalfAppliedError extends Error {
	constructor(file: string, cause: unknown) {
		const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
		super(
			`could not move ${file} into place (${code}); the import is decided and half applied: fix that, then run \`npm run import -- --finish\``,
		);
		this.name = 'ImportHalfAppliedError';
	}
}

/** Step 3, idempotent per file so a run that stopped anywhere can run again. */
function moveIntoPlace(
	contentDir: string,
	files: readonly Pick<JournalFile, 'path' | 'after'>[],
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
		try {
			if (file.after === null) {
				moveAside();
			} else if (existsSync(staged)) {
				moveAside();
				ensureFolder(path.dirname(target));
				renameSync(staged, target);
			}
		} catch (error) {
			throw new ImportHalfAppliedError(file.path, error);
		}
		onMoved?.(index + 1, files.length);
	});
}

/**
 * Runs `run` while this process alone may import into `contentDir` (the lock folder beside the
 * work folder), after refusing internal state that git tracks: a committed lock would make
 * every import wait, a committed journal would be completed.
 */
export async function withImportLock<T>(
	contentDir: string,
	run: () => Promise<T>,
	options?: LockOptions,
): Promise<T> {
	const state = await inspectImportState(contentDir);
	if (state.kind === 'untrusted') throw new UntrustedImportStateError(contentDir, state);
	return withFolderLock(path.join(contentDir, `${importWorkFolder}.lock`), run, options);
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
export async function commitFiles(
	contentDir: string,
	files: readonly CommitFile[],
	onMoved?: (done: number, total: number) => void,
): Promise<void> {
	const { work, stage, backup, journal } = importStateFolders(contentDir);
	await rm(work, { recursive: true, force: true });
	try {
		const written = files.filter((file) => file.text !== null);
		for (const folder of new Set(written.map((file) => path.dirname(path.join(stage, file.path)))))
			await mkdir(folder, { recursive: true });
		await mapConcurrently(written, fileConcurrency, (file) =>
			writeFile(path.join(stage, file.path), file.text!),
		);
		const entries: JournalFile[] = files.map((file) => ({
			path: file.path,
			before: file.before === undefined ? null : textHash(file.before),
			after: file.text === null ? null : textHash(file.text),
		}));
		const current = await mapConcurrently(entries, fileConcurrency, (entry) =>
			hashOf(path.join(contentDir, entry.path)),
		);
		const changed = entries
			.filter((entry, index) => current[index] !== entry.before)
			.map((entry) => entry.path);
		if (changed.length) throw new ImportChangedError(changed);
		await writeFile(
			`${journal}.new`,
			JSON.stringify({ started: new Date().toISOString(), files: entries } satisfies Journal),
		);
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
			files.map((file) => ({ path: file.path, after: file.text === null ? null : '' })),
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
