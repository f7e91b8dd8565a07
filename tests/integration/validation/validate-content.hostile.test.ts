import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLocation, type Problem } from '#lib/validation/problem.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { hostileFixtures as hostile, hostileTree } from '../../helpers/hostile';

/** What the content check says of a hostile file (tests/fixtures/hostile/content-expected.json). */
interface Expected {
	line?: number;
	field?: string;
	severity?: 'warning';
	/** The start of the message. */
	message: string;
}

const expected = JSON.parse(
	await readFile(path.join(hostile, 'content-expected.json'), 'utf8'),
) as Record<string, Expected[]>;

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

async function tree(name: 'sanitised' | 'refused'): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), `edelweiss-hostile-${name}-`));
	roots.push(root);
	await hostileTree(name, root);
	return root;
}

const linked: Record<string, Expected[]> = {
	'refused/content/people/linked.md': [{ message: 'symbolic links are refused' }],
	'refused/content/notes/linked': [{ message: 'symbolic links are refused' }],
	'refused/content/notes/caf\uFFFD.md': [
		{ message: 'the file name is not UTF-8 text, so the file cannot be read by it' },
	],
};

async function fixtureFiles(folder: string): Promise<string[]> {
	return (await readdir(path.join(hostile, folder), { recursive: true, withFileTypes: true }))
		.filter((dirent) => dirent.isFile())
		.map((dirent) =>
			path.relative(hostile, path.join(dirent.parentPath, dirent.name)).split(path.sep).join('/'),
		);
}

describe('every hostile content file has an asserted outcome', () => {
	it('lists each file of both trees, or the folder it is in', async () => {
		const files = [...(await fixtureFiles('sanitised')), ...(await fixtureFiles('refused'))];
		const unexpected = files.filter(
			(file) => !Object.keys(expected).some((key) => file === key || file.startsWith(`${key}/`)),
		);
		expect(unexpected).toEqual([]);
		expect(files.length).toBeGreaterThanOrEqual(40);
	});
});

describe.each(['sanitised', 'refused'] as const)(
	'the content check on the %s hostile tree',
	(name) => {
		it('reports exactly the expected problems, each naming its file and line', async () => {
			const root = await tree(name);
			const { problems } = await validateContent(root, 'content');
			const found = (problem: Problem) => ({
				...(problem.line === undefined ? {} : { line: problem.line }),
				...(problem.field ? { field: problem.field } : {}),
				...(problem.severity ? { severity: problem.severity } : {}),
				message: problem.message,
			});
			const byFile = new Map<string, Expected[]>();
			for (const problem of problems) {
				const key = `${name}/${problem.file}`;
				byFile.set(key, [...(byFile.get(key) ?? []), found(problem)]);
			}
			const wanted = Object.entries({ ...expected, ...linked }).filter(
				([key, list]) => key.startsWith(`${name}/`) && list.length,
			);
			for (const [file, list] of wanted) {
				const actual = byFile.get(file) ?? [];
				expect(
					actual.map((problem) => ({
						...problem,
						message: problem.message.slice(
							0,
							list.find((want) => problem.message.startsWith(want.message))?.message.length ??
								undefined,
						),
					})),
					file,
				).toEqual(list);
			}
			expect([...byFile.keys()].filter((file) => !wanted.some(([key]) => key === file))).toEqual(
				[],
			);
			for (const problem of problems) {
				expect(formatLocation(problem)).toMatch(/^content\//);
				if (
					!/symbolic|outside every collection|not a collection|not read|file name/.test(
						problem.message,
					)
				)
					expect(problem.line).toBeGreaterThan(0);
			}
		});
	},
);
