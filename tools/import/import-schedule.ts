import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { listContentFiles, type ContentFile } from '#lib/content/content-files.ts';
import { isCollectionFilePath } from '#lib/content/entry-id.ts';
import { readEntryData } from '#lib/validation/frontmatter.ts';
import { formatProblem, isError, type Problem } from '#lib/validation/problem.ts';
import { readContentText, validateContent } from '#lib/validation/validate-content.ts';
import { commitFiles, completeInterruptedImport, withImportLock } from './import-journal';
import { ScheduleError } from '#lib/schedule/model.ts';
import { parseSchedule, readScheduleFile } from '#lib/schedule/parse-schedule.ts';
import {
	planImport,
	type ExistingContent,
	type ExistingEntry,
	type ImportFilters,
	type ImportPlan,
} from '#lib/schedule/plan-import.ts';

export interface ImportOptions extends ImportFilters {
	/** The schedule files (or folders of them), as named in messages: several are the editions of a series. */
	files: readonly string[];
	/** The content tree to import into. */
	contentDir: string;
	/** Plan and validate in memory, and write nothing anywhere. */
	dryRun?: boolean | undefined;
	onProgress?: (done: number, total: number) => void;
	/** Called as each file is moved into place. */
	onCommit?: (done: number, total: number) => void;
	/** Called when another import holds the content tree, before waiting for it. */
	onWait?: (pid: number | undefined) => void;
}

export interface ImportResult extends ImportPlan {
	written: boolean;
	/** Files of an interrupted import this run completed first. */
	completed: string[];
	/** How long each step took, in order: reading the schedules, planning, validating, writing. */
	phases: Phase[];
}

export interface Phase {
	name: string;
	milliseconds: number;
}

/** Runs `step`, adding its duration to `phases` under `name`. */
async function timed<T>(phases: Phase[], name: string, step: () => Promise<T> | T): Promise<T> {
	const started = performance.now();
	try {
		return await step();
	} finally {
		const phase = phases.find((known) => known.name === name);
		const milliseconds = performance.now() - started;
		if (phase) phase.milliseconds += milliseconds;
		else phases.push({ name, milliseconds });
	}
}

/**
 * The schedule files named on the command line, folders replaced by the `.xml` and `.json`
 * files in them (sorted), each named once. A symbolic link in a folder is refused, never
 * read: a downloaded or committed folder could point it at any file of the machine.
 */
export async function scheduleFiles(paths: readonly string[]): Promise<string[]> {
	const files: string[] = [];
	for (const given of paths) {
		const stats = await stat(given).catch(() => undefined);
		if (!stats?.isDirectory()) {
			files.push(given);
			continue;
		}
		const inside = (await readdir(given, { withFileTypes: true }))
			.filter((dirent) => /\.(xml|json)$/i.test(dirent.name) && !dirent.name.startsWith('.'))
			.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		if (!inside.length)
			throw new ScheduleError(
				given,
				'file',
				'is a folder without a .xml or .json file in it; expected a schedule file, or a folder of them',
			);
		const detail =
			'is a symbolic link: a folder of schedules is read without following links; put the file itself in the folder';
		ScheduleError.throwAll(
			given,
			inside
				.filter((dirent) => dirent.isSymbolicLink())
				.map((dirent) => ({ location: dirent.name, detail })),
		);
		files.push(...inside.map((dirent) => path.join(given, dirent.name)));
	}
	return [...new Set(files)];
}

/** The imported files would not pass the hub's own validation: nothing was written. */
export class ImportValidationError extends Error {
	constructor(readonly problems: Problem[]) {
		super(
			`the import would leave ${problems.length} problem${problems.length === 1 ? '' : 's'} in the content; nothing was written`,
		);
		this.name = 'ImportValidationError';
	}
}

/** Reads the events, talks and people an import may match, refusing a tree it cannot trust. */
export async function readExistingContent(contentDir: string): Promise<ExistingContent> {
	const listing = await listContentFiles(contentDir, ['events', 'talks', 'people']);
	// A link inside the tree could send the import's writes anywhere; a missing tree is empty.
	const refused = listing.problems.find((problem) => problem.untrusted);
	if (refused)
		throw new ScheduleError(
			`${contentDir}/${refused.path}`,
			'file',
			`${refused.message}; ${refused.hint}`,
		);
	const read = async (file: ContentFile): Promise<ExistingEntry> => {
		const text = await readContentText(file.path, path.join(contentDir, file.path));
		if ('problem' in text)
			throw new ScheduleError(
				file.path,
				`line ${text.problem.line ?? 1}`,
				`${text.problem.message}; fix it, then import again`,
			);
		const source = readEntryData(text.text);
		// An unreadable entry might be the one a talk or person should match: never guess past it.
		const [syntaxError] = source.syntaxErrors;
		if (syntaxError) {
			throw new ScheduleError(
				file.path,
				`line ${syntaxError.position.line}`,
				`${syntaxError.message}; fix it, then import again`,
			);
		}
		return { id: file.id, path: file.path, text: text.text, data: source.data };
	};
	const entries = await Promise.all(listing.files.map(read));
	const of = (collection: string) =>
		entries.filter((entry) => entry.path.startsWith(`${collection}/`));
	return { events: of('events'), talks: of('talks'), people: of('people') };
}

/** Refuses a planned path that is not a content file inside its collection's folder (`isCollectionFilePath`). */
function assertInsideCollection(contentDir: string, file: string): void {
	if (!isCollectionFilePath(file))
		throw new ScheduleError(
			file,
			'path',
			`refused: an import writes only content files inside ${contentDir}/<collection>/`,
		);
}

/**
 * Validates the tree as it would be after the import, in memory. Fails on errors in the files
 * it writes, and on errors elsewhere that the import would cause (a talk left outside its
 * event's new dates); errors that were there before are not the import's to fix.
 */
async function checkPlanned(contentDir: string, plan: ImportPlan): Promise<void> {
	const root = path.dirname(contentDir);
	const relative = path.basename(contentDir);
	const overlay = new Map(plan.files.map((file) => [file.path, file.text]));
	const written = new Set(plan.files.map((file) => `${relative}/${file.path}`));
	const changed = new Set(overlay.keys());
	const after = (await validateContent(root, relative, { overlay, changed })).problems.filter(
		isError,
	);
	let caused = after.filter((problem) => written.has(problem.file));
	if (caused.length < after.length) {
		const before = new Set(
			(await validateContent(root, relative, { changed })).problems.map(formatProblem),
		);
		caused = after.filter(
			(problem) => written.has(problem.file) || !before.has(formatProblem(problem)),
		);
	}
	if (caused.length) throw new ImportValidationError(caused);
}

/**
 * Imports frab/pretalx schedules into a content tree: one, or the editions of a series, in one
 * run that writes everything or nothing. Everything is planned and validated in
 * memory; only then are the files written, through a journal (`import-journal.ts`) so that an
 * interruption at any point is completed by the next run. One import at a time holds the tree;
 * a file edited while the import ran is never overwritten. A dry run writes nothing anywhere.
 */
export async function importSchedule(options: ImportOptions): Promise<ImportResult> {
	const phases: Phase[] = [];
	const inputs = await timed(phases, 'read schedules', async () => {
		const files = await scheduleFiles(options.files);
		if (!files.length)
			throw new ScheduleError('import', 'files', 'expected at least one schedule file');
		return Promise.all(
			files.map(async (file) => ({
				file,
				schedule: parseSchedule(await readScheduleFile(file), file),
			})),
		);
	});
	const contentDir = path.resolve(options.contentDir);

	const plan = async () => {
		const existing = await timed(phases, 'read content', () => readExistingContent(contentDir));
		const result = await timed(phases, 'plan', () =>
			planImport(inputs, existing, options, options.onProgress),
		);
		for (const file of result.files) assertInsideCollection(contentDir, file.path);
		if (result.files.length)
			await timed(phases, 'validate', () => checkPlanned(contentDir, result));
		// What each file said when it was read: the commit refuses to replace anything else.
		const read = new Map(
			[...existing.events, ...existing.talks, ...existing.people].map((entry) => [
				entry.path,
				entry.text,
			]),
		);
		return { result, read };
	};
	if (options.dryRun) return { ...(await plan()).result, written: false, completed: [], phases };

	await mkdir(contentDir, { recursive: true });
	return withImportLock(
		contentDir,
		async () => {
			const completed = await completeInterruptedImport(contentDir);
			const { result, read } = await plan();
			if (result.files.length === 0) return { ...result, written: false, completed, phases };
			await timed(phases, 'write', () =>
				commitFiles(
					contentDir,
					result.files.map((file) => ({
						path: file.path,
						text: file.text,
						before: read.get(file.path),
					})),
					options.onCommit,
				),
			);
			return { ...result, written: true, completed, phases };
		},
		{ onWait: options.onWait },
	);
}

/** Completes an interrupted import without importing anything else (`npm run import -- --finish`). */
export async function finishInterruptedImport(contentDir: string): Promise<string[]> {
	const absolute = path.resolve(contentDir);
	return withImportLock(absolute, () => completeInterruptedImport(absolute));
}
