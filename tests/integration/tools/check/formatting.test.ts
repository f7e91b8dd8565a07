import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFormatting } from '#tools/check/formatting.ts';
import { outputRoot } from '../../../helpers/build-site';

describe('checkFormatting', async () => {
	await mkdir(outputRoot, { recursive: true });
	const root = await mkdtemp(path.join(outputRoot, 'format-'));
	afterAll(() => rm(root, { recursive: true, force: true }));
	await writeFile(
		path.join(root, '.prettierrc.json'),
		`${JSON.stringify({ useTabs: true, singleQuote: true, printWidth: 160 }, null, '\t')}\n`,
	);
	await writeFile(path.join(root, '.prettierignore'), 'ignored.ts\n');
	await writeFile(path.join(root, 'clean.ts'), "export const greeting = 'hello';\n");
	await writeFile(
		path.join(root, 'messy.ts'),
		"export const greeting = 'hello';\nexport const list = [ 1,2 ];\n",
	);
	await writeFile(path.join(root, 'ignored.ts'), 'export const list = [ 1,2 ];\n');
	await writeFile(path.join(root, 'broken.ts'), 'export const = ;\n');

	it('lists each file Prettier would change at its first differing line, and what cannot be parsed', async () => {
		const problems = await checkFormatting(root);
		expect(problems.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
			{
				file: 'broken.ts',
				line: 1,
				column: 14,
				message: expect.stringMatching(/^Prettier cannot format it: SyntaxError/),
			},
			{
				file: 'messy.ts',
				line: 2,
				message: 'not formatted as Prettier formats it',
				hint: 'npm run format rewrites the code as Prettier formats it',
			},
		]);
	});
});
