import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { runScript } from '#tools/run-command.ts';
import { outputRoot, projectRoot } from '../helpers/build-site';
import { builtSite } from '../helpers/sites';

const check = (...args: string[]) => runScript('scripts/check.ts', args, { cwd: projectRoot });

describe('npm run check on the fixture with a dozen mistakes', async () => {
	const reports = path.join(outputRoot, 'check-reports');
	await rm(reports, { recursive: true, force: true });
	const junit = path.join(reports, 'check.xml');
	const codeQuality = path.join(reports, 'code-quality.json');
	// The code's own stages read no content: the valid-site run below covers them.
	const result = await check(
		'--content',
		'tests/fixtures/mistakes/content',
		'--skip',
		'lint,format,unused',
		'--junit',
		junit,
		'--codequality',
		codeQuality,
	);

	it('fails and reports every mistake in one run, each at file:line with a hint', () => {
		expect(result.exitCode).toBe(1);
		const problemLines = result.output
			.split('\n')
			.filter((line) => line.startsWith('  tests/fixtures/mistakes/content/'));
		expect(problemLines).toHaveLength(14);
		for (const line of problemLines)
			expect(line).toMatch(/^ {2}tests\/fixtures\/mistakes\/content\/[\w/-]+\.mdx?:\d+:\d+ /);
		expect(result.output.match(/\n {6}hint: /g)).toHaveLength(14);
	});

	it('ends with a summary that says what was skipped and why', () => {
		expect(result.output).toMatch(/FAILED {2}Content validation +14 problems/);
		expect(result.output).toMatch(/skipped Build +fix the content problems first/);
		expect(result.output).toMatch(/skipped Accessibility \(axe\) +needs a successful build/);
		expect(result.output).toMatch(/skipped Lint \(ESLint\) +not requested/);
		expect(
			result.output.trimEnd().endsWith('check failed: 14 problems in 1 stage, 8 skipped'),
		).toBe(true);
	});

	it('writes a JUnit report and a GitLab code-quality report with the same problems', async () => {
		const $ = load(await readFile(junit, 'utf8'), { xml: true });
		expect($('testsuite[name="Content validation"] failure')).toHaveLength(14);
		const issues = JSON.parse(await readFile(codeQuality, 'utf8')) as {
			location: { path: string; lines: { begin: number } };
		}[];
		expect(issues).toHaveLength(14);
		expect(issues).toContainEqual(
			expect.objectContaining({
				location: {
					path: 'tests/fixtures/mistakes/content/talks/unknown-speaker.md',
					lines: { begin: 6 },
				},
			}),
		);
	});
});

describe('npm run check on a valid site', () => {
	it("passes every stage: content, types, the code's lint, format and knip, links, HTML and axe on every page type", async () => {
		const result = await check(
			'--content',
			'tests/fixtures/basic/content',
			'--dist',
			(await builtSite('basic')).dist,
		);
		expect(result.output).toMatch(/ok {6}Content validation/);
		expect(result.output).toMatch(/ok {6}Type checking \(astro check\)/);
		expect(result.output).toMatch(/ok {6}Lint \(ESLint\)/);
		expect(result.output).toMatch(/ok {6}Formatting \(Prettier\)/);
		expect(result.output).toMatch(/ok {6}Unused code \(knip\)/);
		expect(result.output).toMatch(/ok {6}Links, anchors and assets/);
		expect(result.output).toMatch(/ok {6}HTML validity/);
		expect(result.output).toMatch(/ok {6}Accessibility \(axe\)/);
		expect(result.output).toContain('check passed, 1 skipped');
		expect(result.exitCode).toBe(0);
		// About 75 s of CPU (astro check alone is 30): on two cores shared with the other workers, minutes.
	}, 600_000);

	it('rejects an unknown stage name', async () => {
		const result = await check('--skip', 'typos');
		expect(result.exitCode).toBe(2);
		expect(result.output).toContain(
			'--skip: unknown stage "typos"; stages are content, types, lint, format, unused, build, links, html, accessibility',
		);
	});
});
