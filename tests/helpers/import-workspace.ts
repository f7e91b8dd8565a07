import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { parse } from 'yaml';

/** Schedule files of tests/fixtures/schedules/. */
export const scheduleFixture = (name: string) =>
	path.join(import.meta.dirname, '../fixtures/schedules', name);

/**
 * FOSDEM 2020's real schedule.xml restricted to some rooms, written into `folder`: the real format
 * for tests that do not need all 872 talks (Janson alone holds 20, the keynotes among them).
 */
export async function fosdemExcerpt(folder: string, rooms: readonly string[]): Promise<string> {
	const source = await readFile(scheduleFixture('fosdem-2020.xml'), 'utf8');
	// Each day lists its rooms as `    <room name="…">` … `    </room>` blocks.
	const excerpt = source.replace(
		/^ {4}<room name="([^"]+)">[\s\S]*?^ {4}<\/room>\n/gm,
		(block, room: string) => (rooms.includes(room) ? block : ''),
	);
	if (excerpt === source) throw new Error('fosdemExcerpt found no room blocks to leave out');
	const file = path.join(folder, 'fosdem-2020.xml');
	await writeFile(file, excerpt);
	return file;
}

/**
 * Scratch folders for importing into, removed after the test file: `workspace()` gives a fresh
 * project folder with an empty content tree.
 */
export function importWorkspaces() {
	const folders: string[] = [];
	afterAll(() =>
		Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))),
	);
	const folder = async (prefix: string) => {
		const created = await mkdtemp(path.join(tmpdir(), prefix));
		folders.push(created);
		return created;
	};
	const workspace = async () => {
		const root = await folder('edelweiss-import-');
		return { root, content: path.join(root, 'content') };
	};
	return { folder, workspace };
}

/** Every file under a folder with its text, by `/`-separated path, to prove a failed import changed nothing. */
export async function snapshot(folder: string): Promise<Record<string, string>> {
	const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
	const files: Record<string, string> = {};
	for (const name of names.sort()) {
		const text = await readFile(path.join(folder, name), 'utf8').catch(() => undefined);
		if (text !== undefined) files[name.split(path.sep).join('/')] = text;
	}
	return files;
}

export const frontMatter = async (file: string) =>
	parse(/^---\n([\s\S]*?)\n---/.exec(await readFile(file, 'utf8'))![1]!);

export const countBy = (files: { path: string }[], collection: string) =>
	files.filter((file) => file.path.startsWith(`${collection}/`)).length;
