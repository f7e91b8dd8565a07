import { describe, expect, it } from 'vitest';
import {
	formatLocation,
	formatProblem,
	formatReport,
	sortProblems,
	type Problem,
} from '#lib/validation/problem.ts';

const located: Problem = {
	file: 'content/talks/a.md',
	line: 6,
	column: 5,
	field: 'speakers.1',
	message: 'unknown person "ncopa"',
	hint: 'did you mean "natanael-copa"?',
};

describe('formatLocation and formatProblem', () => {
	it('write file:line:column field: message, then the hint on its own line', () => {
		expect(formatLocation(located)).toBe('content/talks/a.md:6:5');
		expect(formatLocation({ file: 'astro check', message: 'failed' })).toBe('astro check');
		expect(formatLocation({ file: 'a.md', line: 3, message: 'x' })).toBe('a.md:3:1');
		expect(formatProblem(located)).toBe(
			'content/talks/a.md:6:5 speakers.1: unknown person "ncopa"\n    hint: did you mean "natanael-copa"?',
		);
		expect(formatProblem({ file: 'b.md', message: 'empty' })).toBe('b.md empty');
	});
});

describe('formatReport', () => {
	it('counts problems and files, then lists each problem indented', () => {
		expect(formatReport([located, { file: 'content/notes/b.md', line: 1, message: 'bad' }])).toBe(
			[
				'2 content problems in 2 files:',
				'  content/talks/a.md:6:5 speakers.1: unknown person "ncopa"',
				'      hint: did you mean "natanael-copa"?',
				'  content/notes/b.md:1:1 bad',
			].join('\n'),
		);
		expect(formatReport([located]).split('\n')[0]).toBe('1 content problem in 1 file:');
	});
});

describe('sortProblems', () => {
	it('orders by file, then line, then column', () => {
		const problems: Problem[] = [
			{ file: 'b.md', line: 1, message: '1' },
			{ file: 'a.md', line: 9, column: 2, message: '2' },
			{ file: 'a.md', line: 9, column: 1, message: '3' },
			{ file: 'a.md', message: '4' },
		];
		expect(sortProblems(problems).map((problem) => problem.message)).toEqual(['4', '3', '2', '1']);
	});
});
