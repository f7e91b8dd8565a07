import { describe, expect, it } from 'vitest';
import { schemas } from '../../../src/schemas';
import type { ValidEntry } from '../../../src/lib/validation/integrity';
import { referenceById } from '../../../src/lib/validation/reference-by-id';
import { checkTopics } from '../../../src/lib/validation/topics';

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
		const problems = checkTopics([topic('a', { name: 'A', parent: 'b' }), topic('b', { name: 'B', parent: 'a' }), topic('c', { name: 'C', parent: 'a' })]);
		expect(problems).toEqual([
			{
				file: 'content/topics/a.md',
				line: 5,
				column: 9,
				field: 'parent',
				message: 'topic "a" is its own ancestor: a → b → a',
				hint: 'a parent is a broader topic; remove "parent" from one of them',
			},
			expect.objectContaining({ file: 'content/topics/b.md', message: 'topic "b" is its own ancestor: b → a → b' }),
		]);
		expect(checkTopics([topic('self', { name: 'Self', parent: 'self' })]).map((problem) => problem.message)).toEqual([
			'topic "self" is its own ancestor: self → self',
		]);
	});

	it('flags a tag spelt like a topic’s id, name or alias, and leaves other tags and unknown parents alone', () => {
		const topics = [
			topic('postmarketos', { name: 'postmarketOS', aliases: ['pmOS'] }),
			topic('risc-v', { name: 'RISC-V', aliases: ['riscv64'], parent: 'gone' }),
		];
		const problems = checkTopics([...topics, note('n', ['mobile', 'pmos', 'riscv64']), note('m', ['postmarketos'])]);
		expect(problems).toEqual([
			{
				file: 'content/notes/n.md',
				line: 4,
				column: 10,
				field: 'tags.1',
				message: 'tag "pmos" names the topic "postmarketos"',
				hint: 'write it as a topic, topics: [postmarketos], and remove the tag',
			},
			expect.objectContaining({ field: 'tags.2', message: 'tag "riscv64" names the topic "risc-v"' }),
			expect.objectContaining({ file: 'content/notes/m.md', field: 'tags.0' }),
		]);
	});
});
