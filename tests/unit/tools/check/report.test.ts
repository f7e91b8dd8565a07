import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import {
	formatCheckReport,
	toCodeQuality,
	toGitHubAnnotations,
	toJUnit,
	type StageResult,
} from '#tools/check/report.ts';

const stages: StageResult[] = [
	{
		id: 'content',
		title: 'Content validation',
		durationMs: 120,
		problems: [
			{
				file: 'content/talks/a.md',
				line: 6,
				column: 5,
				field: 'speakers.1',
				message: 'unknown person "ncopa"',
				hint: 'did you mean "natanael-copa"?',
			},
			{ file: 'content/notes/b.md', line: 3, column: 1, message: 'image "./x.png" does not exist' },
		],
	},
	{
		id: 'build',
		title: 'Build',
		durationMs: 0,
		problems: [],
		skipped: 'fix the content problems first',
	},
	{ id: 'types', title: 'Type checking', durationMs: 2000, problems: [] },
];

describe('formatCheckReport', () => {
	it('lists each problem with file:line:col, then a summary line per stage and a verdict', () => {
		const report = formatCheckReport(stages);
		expect(report).toContain(
			'Content validation: 2 problems\n  content/talks/a.md:6:5 speakers.1: unknown person "ncopa"\n      hint: did you mean "natanael-copa"?',
		);
		expect(report).toMatch(/FAILED {2}Content validation +2 problems \(0\.1 s\)/);
		expect(report).toMatch(/skipped Build +fix the content problems first/);
		expect(report).toMatch(/ok {6}Type checking/);
		expect(report.trimEnd().split('\n').at(-1)).toBe(
			'check failed: 2 problems in 1 stage, 1 skipped',
		);
	});

	it('passes when no stage found anything', () => {
		expect(formatCheckReport([stages[2]!]).endsWith('check passed')).toBe(true);
	});

	it('shows warnings (HTML the sanitiser removes) without failing', () => {
		const warned: StageResult = {
			id: 'content',
			title: 'Content validation',
			durationMs: 10,
			problems: [
				{
					file: 'content/notes/c.md',
					line: 4,
					column: 1,
					message: 'removed from the page: <meta>',
					severity: 'warning',
				},
			],
		};
		const report = formatCheckReport([warned]);
		expect(report).toContain('content/notes/c.md:4:1 warning: removed from the page: <meta>');
		expect(report).toMatch(/ok {6}Content validation +1 warning/);
		expect(report.endsWith('check passed')).toBe(true);
		expect(toCodeQuality([warned])[0]!.severity).toBe('minor');
		expect(toGitHubAnnotations([warned])).toMatch(/^::warning file=content\/notes\/c\.md,line=4/);
		expect(load(toJUnit([warned]), { xml: true })('failure')).toHaveLength(0);
	});
});

describe('toJUnit', () => {
	it('writes one suite per stage and one failing case per problem, escaped', () => {
		const $ = load(toJUnit(stages), { xml: true });
		expect(
			$('testsuite')
				.map((_, suite) => $(suite).attr('name'))
				.get(),
		).toEqual(['Content validation', 'Build', 'Type checking']);
		const failures = $('testsuite').first().find('testcase failure');
		expect(failures).toHaveLength(2);
		expect(failures.first().attr('message')).toBe('unknown person "ncopa"');
		expect($('testsuite').first().find('testcase').first().attr('name')).toBe(
			'content/talks/a.md:6:5',
		);
		expect($('testsuite').eq(1).find('skipped').attr('message')).toBe(
			'fix the content problems first',
		);
		expect($('testsuite').eq(2).find('failure')).toHaveLength(0);
	});

	it('keeps markup and quotes in messages as text', () => {
		const message = 'expected <Aside> & "note", found \'<Asid>\'';
		const $ = load(
			toJUnit([
				{
					id: 'content',
					title: 'A & <B>',
					durationMs: 1,
					problems: [{ file: 'content/x&y.md', line: 1, message }],
				},
			]),
			{ xml: true },
		);
		expect($('testsuite').attr('name')).toBe('A & <B>');
		expect($('failure').attr('message')).toBe(message);
		expect($('failure').text()).toBe(`content/x&y.md:1:1 ${message}`);
		expect($('testcase').attr('file')).toBe('content/x&y.md');
	});
});

describe('toCodeQuality', () => {
	it('gives GitLab a path, a line, a description and a stable fingerprint for each problem', () => {
		const issues = toCodeQuality(stages);
		expect(issues).toHaveLength(2);
		expect(issues[0]).toMatchObject({
			check_name: 'edelweiss-content',
			severity: 'major',
			location: { path: 'content/talks/a.md', lines: { begin: 6 } },
			description: 'speakers.1: unknown person "ncopa" (did you mean "natanael-copa"?)',
		});
		expect(issues[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
		expect(toCodeQuality(stages)[0]!.fingerprint).toBe(issues[0]!.fingerprint);
		expect(issues[1]!.fingerprint).not.toBe(issues[0]!.fingerprint);
	});
});

describe('toGitHubAnnotations', () => {
	it('writes workflow commands with file, line and column, escaping newlines', () => {
		const [first] = toGitHubAnnotations(stages).split('\n');
		expect(first).toBe(
			'::error file=content/talks/a.md,line=6,col=5,title=Content validation::speakers.1: unknown person "ncopa"%0Ahint: did you mean "natanael-copa"?',
		);
	});
});
