import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLint } from '#tools/check/lint.ts';
import { outputRoot } from '../../../helpers/build-site';

describe('checkLint', async () => {
	// Inside the checkout, so the project's node_modules resolve; with its own small config.
	await mkdir(outputRoot, { recursive: true });
	const root = await mkdtemp(path.join(outputRoot, 'lint-'));
	afterAll(() => rm(root, { recursive: true, force: true }));
	await writeFile(
		path.join(root, 'eslint.config.js'),
		"export default [{ rules: { 'no-unused-vars': 'error', 'no-empty': 'error' } }];\n",
	);
	await mkdir(path.join(root, 'src'));
	await writeFile(path.join(root, 'src/clean.js'), 'export const answer = 42;\n');
	await writeFile(
		path.join(root, 'src/mistakes.js'),
		'const unused = 1;\ntry {\n\tanswer();\n} catch {}\n',
	);
	await writeFile(path.join(root, 'src/broken.js'), 'export const = 1;\n');

	it("reports each message at its file, line and column, with the rule's documentation as the hint", async () => {
		const problems = await checkLint(root);
		expect(problems).toContainEqual({
			file: 'src/mistakes.js',
			line: 1,
			column: 7,
			message: "'unused' is assigned a value but never used. (no-unused-vars)",
			hint: 'https://eslint.org/docs/latest/rules/no-unused-vars',
		});
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: 'src/mistakes.js',
				line: 4,
				message: 'Empty block statement. (no-empty)',
			}),
		);
		expect(problems.filter((problem) => problem.file === 'src/clean.js')).toEqual([]);
	});

	it('reports a file ESLint cannot parse, without a rule', async () => {
		const broken = (await checkLint(root)).filter((problem) => problem.file === 'src/broken.js');
		expect(broken).toEqual([
			{
				file: 'src/broken.js',
				line: 1,
				column: 14,
				message: expect.stringMatching(/^Parsing error: /),
			},
		]);
	});
});
