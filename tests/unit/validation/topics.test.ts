import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemas } from '#schemas/index.ts';
import type { ValidEntry } from '#lib/validation/integrity.ts';
import { referenceById } from '#lib/validation/reference-by-id.ts';
import { formatProblem } from '#lib/validation/problem.ts';
import { checkTopics } from '#lib/validation/topics.ts';
import { validateContent } from '#lib/validation/validate-content.ts';

const topicSchema = schemas.topics(referenceById);
const noteSchema = schemas.notes(referenceById);
const topic = (id: string, data: Record<string, unknown>): ValidEntry => ({
	collection: 'topics',
	id,
	file: `content/topics/${id}.md`,
	data: topicSchema.parse({ summary: 'S.', ...data }),
	locate: () => ({ line: 5, column: 9 }),
});
const note = (id: string, tags: string[]): ValidEntry => ({
	collection: 'notes',
	id,
	file: `content/notes/${id}.md`,
	data: noteSchema.parse({ title: id, summary: 'A note.', tags }),
	locate: (path) => ({ line: 4, column: 8 + 2 * Number(path[1] ?? 0) }),
});

describe('checkTopics', () => {
	it('flags each topic of a parent cycle, at its parent field', () => {
		const problems = checkTopics([
			topic('a', { name: 'A', parent: 'b' }),
			topic('b', { name: 'B', parent: 'a' }),
			topic('c', { name: 'C', parent: 'a' }),
		]);
		expect(problems).toEqual([
			{
				file: 'content/topics/a.md',
				line: 5,
				column: 9,
				field: 'parent',
				message: 'topic "a" is its own ancestor: a → b → a',
				hint: 'a parent is a broader topic; remove "parent" from one of them',
			},
			expect.objectContaining({
				file: 'content/topics/b.md',
				message: 'topic "b" is its own ancestor: b → a → b',
			}),
		]);
		expect(
			checkTopics([topic('self', { name: 'Self', parent: 'self' })]).map(
				(problem) => problem.message,
			),
		).toEqual(['topic "self" is its own ancestor: self → self']);
	});

	it('flags a tag spelt like a topic’s id, name or alias, and leaves other tags and unknown parents alone', () => {
		const topics = [
			topic('postmarketos', { name: 'postmarketOS', aliases: ['pmOS'] }),
			topic('risc-v', { name: 'RISC-V', aliases: ['riscv64'], parent: 'gone' }),
		];
		const problems = checkTopics([
			...topics,
			note('n', ['mobile', 'pmos', 'riscv64']),
			note('m', ['postmarketos']),
		]);
		expect(problems).toEqual([
			{
				file: 'content/notes/n.md',
				line: 4,
				column: 10,
				field: 'tags.1',
				message: 'tag "pmos" names the topic "postmarketos"',
				hint: 'write it as a topic, topics: [postmarketos], and remove the tag',
			},
			expect.objectContaining({
				field: 'tags.2',
				message: 'tag "riscv64" names the topic "risc-v"',
			}),
			expect.objectContaining({ file: 'content/notes/m.md', field: 'tags.0' }),
		]);
	});
});

describe('topics in validateContent', () => {
	it('locates unknown topics, bad rules, cycles and tags that name a topic at their lines', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-topics-'));
		try {
			const write = async (file: string, text: string) => {
				await mkdir(path.dirname(path.join(root, 'content', file)), { recursive: true });
				await writeFile(path.join(root, 'content', file), text);
			};
			await write('events/conf.md', '---\ntitle: Conf\nstart: 2024-03-09\nend: 2024-03-10\n---\n');
			await write('topics/musl.md', '---\nname: musl\nsummary: A C library.\nparent: libc\n---\n');
			await write(
				'topics/libc.md',
				'---\nname: C libraries\nsummary: Libraries.\nparent: musl\n---\n',
			);
			await write(
				'topics/cpp.md',
				'---\nname: C++\nsummary: A language.\nmatch:\n  terms: [cplusplus, "++"]\n---\n',
			);
			await write('talks/t.md', '---\ntitle: T\nevent: conf\ntags: [musl]\ntopics: [mus]\n---\n');
			const { problems } = await validateContent(root, 'content');
			expect(problems.map(formatProblem)).toEqual([
				'content/talks/t.md:4:8 tags.0: tag "musl" names the topic "musl"\n    hint: write it as a topic, topics: [musl], and remove the tag',
				'content/talks/t.md:5:10 topics.0: unknown topic "mus"\n    hint: did you mean "musl"?',
				'content/topics/cpp.md:5:22 match.terms.1: expected a phrase with at least one letter or digit, found "++"\n    hint: CONTRIBUTING.md has a complete topic example',
				'content/topics/libc.md:4:1 parent: topic "libc" is its own ancestor: libc → musl → libc\n    hint: a parent is a broader topic; remove "parent" from one of them',
				'content/topics/musl.md:4:1 parent: topic "musl" is its own ancestor: musl → libc → musl\n    hint: a parent is a broader topic; remove "parent" from one of them',
			]);
		} finally {
			await rm(root, { recursive: true, force: true });
		}
	});
});
