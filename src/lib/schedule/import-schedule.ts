import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentExtensions, entryIdFromPath } from '../entry-id';
import { parseEntrySource } from '../validation/frontmatter';
import type { Problem } from '../validation/problem';
import { validateContent } from '../validation/validate-content';
import { ScheduleError } from './model';
import { parseSchedule } from './parse-schedule';
import { planImport, type ExistingContent, type ExistingEntry, type ImportFilters, type ImportPlan } from './plan-import';

export interface ImportOptions extends ImportFilters {
	/** The schedule file, as named in messages. */
	file: string;
	/** The content tree to import into. */
	contentDir: string;
	dryRun?: boolean | undefined;
	onProgress?: (done: number, total: number) => void;
}

export interface ImportResult extends ImportPlan {
	written: boolean;
}

/** The imported files would not pass the hub's own validation: nothing was written. */
export class ImportValidationError extends Error {
	constructor(readonly problems: Problem[]) {
		super(`the import would write ${problems.length} invalid field${problems.length === 1 ? '' : 's'}; nothing was written`);
		this.name = 'ImportValidationError';
	}
}

async function readCollection(contentDir: string, collection: string): Promise<ExistingEntry[]> {
	const folder = path.join(contentDir, collection);
	const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
	const entries: ExistingEntry[] = [];
	for (const name of names.map((name) => name.split(path.sep).join('/')).sort()) {
		if (!contentExtensions.some((extension) => name.endsWith(extension))) continue;
		const text = await readFile(path.join(folder, name), 'utf8');
		const source = parseEntrySource(text);
		// An unreadable entry might be the one a talk or person should match: never guess past it.
		const [syntaxError] = source.syntaxErrors;
		if (syntaxError) {
			throw new ScheduleError(
				`${collection}/${name}`,
				`line ${syntaxError.position.line}`,
				`front matter is not valid YAML (${syntaxError.message}); fix it, then import again`,
			);
		}
		entries.push({ id: entryIdFromPath(name), path: `${collection}/${name}`, text, data: source.data });
	}
	return entries;
}

export async function readExistingContent(contentDir: string): Promise<ExistingContent> {
	const [events, talks, people] = await Promise.all(['events', 'talks', 'people'].map((name) => readCollection(contentDir, name)));
	return { events: events!, talks: talks!, people: people! };
}

/**
 * Imports a frab/pretalx schedule into a content tree. Everything is planned in memory, written
 * into a staged copy of the tree and validated there like a build would; only then are the
 * files renamed into place, in one synchronous pass (a Ctrl-C waits for it to finish). Any
 * error before that leaves the content tree as it was.
 */
export async function importSchedule(options: ImportOptions): Promise<ImportResult> {
	const source = await readFile(options.file, 'utf8');
	const schedule = parseSchedule(source, options.file);
	const contentDir = path.resolve(options.contentDir);
	const plan = planImport(schedule, options.file, await readExistingContent(contentDir), options, options.onProgress);
	if (plan.files.length === 0) return { ...plan, written: false };

	const parent = path.dirname(contentDir);
	await mkdir(parent, { recursive: true });
	const stage = await mkdtemp(path.join(parent, '.edelweiss-import-'));
	try {
		const staged = path.join(stage, 'content');
		if (existsSync(contentDir)) await cp(contentDir, staged, { recursive: true });
		for (const file of plan.files) {
			await mkdir(path.dirname(path.join(staged, file.path)), { recursive: true });
			await writeFile(path.join(staged, file.path), file.text);
		}
		await checkStaged(stage, plan);
		if (options.dryRun) return { ...plan, written: false };
		commit(staged, contentDir, plan.files.map((file) => file.path), path.join(stage, 'previous'));
		return { ...plan, written: true };
	} finally {
		await rm(stage, { recursive: true, force: true });
	}
}

/** Validates the staged tree and fails on problems in the files this import writes. */
async function checkStaged(stage: string, plan: ImportPlan): Promise<void> {
	const written = new Set(plan.files.map((file) => `content/${file.path}`));
	const { problems } = await validateContent(stage, 'content');
	const ours = problems.filter((problem) => written.has(problem.file));
	if (ours.length) throw new ImportValidationError(ours);
}

/** Moves staged files into place; on a failure, puts back what was already replaced. */
function commit(staged: string, contentDir: string, files: string[], backup: string): void {
	const done: { target: string; previous: string | undefined }[] = [];
	// Signals arrive through the event loop, so with listeners installed they wait for this loop.
	let received: NodeJS.Signals | undefined;
	const holdSignals = (signal: NodeJS.Signals) => (received ??= signal);
	process.on('SIGINT', holdSignals).on('SIGTERM', holdSignals);
	try {
		for (const file of files) {
			const target = path.join(contentDir, file);
			mkdirSync(path.dirname(target), { recursive: true });
			let previous: string | undefined;
			if (existsSync(target)) {
				previous = path.join(backup, file);
				mkdirSync(path.dirname(previous), { recursive: true });
				renameSync(target, previous);
			}
			done.push({ target, previous });
			renameSync(path.join(staged, file), target);
		}
	} catch (error) {
		for (const { target, previous } of done.reverse()) {
			if (previous) renameSync(previous, target);
			else rmSync(target, { force: true });
		}
		throw error;
	} finally {
		setImmediate(() => {
			process.off('SIGINT', holdSignals).off('SIGTERM', holdSignals);
			if (received) process.kill(process.pid, received);
		});
	}
}
