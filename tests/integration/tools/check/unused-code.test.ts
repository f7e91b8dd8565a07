import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUnusedCode, parseKnipReport } from '#tools/check/unused-code.ts';
import { outputRoot } from '../../../helpers/build-site';

describe('checkUnusedCode', async () => {
	await mkdir(outputRoot, { recursive: true });
	const root = await mkdtemp(path.join(outputRoot, 'knip-'));
	afterAll(() => rm(root, { recursive: true, force: true }));
	const files: Record<string, string> = {
		'package.json': JSON.stringify(
			{ name: 'knip-probe', type: 'module', main: 'index.js', dependencies: { yaml: '*' } },
			null,
			'\t',
		),
		'index.js':
			"import { used } from './helpers.js';\nimport { parse } from 'fast-xml-parser';\nconsole.log(used, parse);\n",
		'helpers.js': 'export const used = 1;\nexport const forgotten = 2;\n',
		'orphan.js': 'export const nobody = 3;\n',
	};
	for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, file), text);

	it('reports unused files, exports and dependencies, and imports package.json does not list', async () => {
		const problems = await checkUnusedCode(root);
		const hint = 'https://knip.dev/guides/handling-issues';
		expect(problems).toEqual(
			expect.arrayContaining([
				{ file: 'orphan.js', message: 'nothing imports this file', hint },
				{
					file: 'helpers.js',
					line: 2,
					column: 14,
					message: 'export "forgotten" is not used outside its module',
					hint,
				},
				{
					file: 'package.json',
					line: expect.any(Number),
					column: expect.any(Number),
					message: 'dependency "yaml" is not used',
					hint,
				},
				{
					file: 'index.js',
					line: 2,
					column: expect.any(Number),
					message: '"fast-xml-parser" is used but not listed in package.json',
					hint,
				},
			]),
		);
		expect(problems).toHaveLength(4);
	});
});

describe('parseKnipReport', () => {
	it('names every export of a duplicate group', () => {
		const report = JSON.stringify({
			issues: [
				{
					file: 'src/a.ts',
					exports: [],
					duplicates: [[{ name: 'a', line: 3, col: 14 }, { name: 'b' }]],
				},
			],
		});
		expect(parseKnipReport(report)).toEqual([
			{
				file: 'src/a.ts',
				line: 3,
				column: 14,
				message: 'the same export under several names: a, b',
				hint: 'https://knip.dev/guides/handling-issues',
			},
		]);
	});
});
