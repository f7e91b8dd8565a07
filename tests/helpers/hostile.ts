import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The hostile inputs: `schedules/`, and the content trees `sanitised/` and `refused/` (see their README). */
export const hostileFixtures = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** Marks text that only a file outside the content tree holds: it must reach no page. */
export const outsideSecret = 'outside-secret-7c1f';

/**
 * A copy of a hostile tree in `folder`, with the symbolic links a repository would not carry
 * well: a person linked to a file outside the content tree, a notes folder linked to a folder
 * outside it. Returns the copy's content folder.
 */
export async function hostileTree(name: 'sanitised' | 'refused', folder: string): Promise<string> {
	await rm(folder, { recursive: true, force: true });
	await mkdir(folder, { recursive: true });
	await cp(path.join(hostileFixtures, name), folder, { recursive: true });
	if (name === 'refused') {
		await mkdir(path.join(folder, 'outside/notes'), { recursive: true });
		await writeFile(path.join(folder, 'outside/secret.md'), `---\nname: Secret Person\n---\n\n${outsideSecret}\n`);
		await writeFile(path.join(folder, 'outside/notes/secret.md'), `---\ntitle: Secret\nsummary: ${outsideSecret}\n---\n`);
		await symlink(path.join(folder, 'outside/secret.md'), path.join(folder, 'content/people/linked.md'));
		await symlink(path.join(folder, 'outside/notes'), path.join(folder, 'content/notes/linked'));
	}
	return path.join(folder, 'content');
}
