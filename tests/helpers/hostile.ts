import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The hostile inputs: `schedules/`, and the content trees `sanitised/` and `refused/` (see their README). */
export const hostileFixtures = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** Marks text that only a file outside the content tree holds: it must reach no page. */
export const outsideSecret = 'outside-secret-7c1f';

/**
 * A copy of a hostile tree in `folder`, with what a repository would not carry well: a person
 * linked to a file outside the content tree, a notes folder linked to a folder outside it, and
 * a note whose name is not UTF-8. Returns the copy's content folder.
 */
export async function hostileTree(name: 'sanitised' | 'refused', folder: string): Promise<string> {
	await rm(folder, { recursive: true, force: true });
	await mkdir(folder, { recursive: true });
	await cp(path.join(hostileFixtures, name), folder, { recursive: true });
	if (name === 'refused') {
		await mkdir(path.join(folder, 'outside/notes'), { recursive: true });
		await writeFile(
			path.join(folder, 'outside/secret.md'),
			`---\nname: Secret Person\n---\n\n${outsideSecret}\n`,
		);
		await writeFile(
			path.join(folder, 'outside/notes/secret.md'),
			`---\ntitle: Secret\nsummary: ${outsideSecret}\n---\n`,
		);
		await symlink(
			path.join(folder, 'outside/secret.md'),
			path.join(folder, 'content/people/linked.md'),
		);
		await symlink(path.join(folder, 'outside/notes'), path.join(folder, 'content/notes/linked'));
		// A name in Latin-1, not UTF-8: Node lists it with U+FFFD, a name no file has.
		await writeFile(
			Buffer.from(path.join(folder, 'content/notes/caf\xe9.md'), 'latin1'),
			`---\ntitle: Latin-1 name\nsummary: A hostile note.\n---\n\nmoraine\n`,
		);
	}
	return path.join(folder, 'content');
}
