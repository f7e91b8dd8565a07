import { describe, expect, it } from 'vitest';
import { schemas } from '#schemas/index.ts';
import type { ValidEntry } from '#lib/validation/integrity.ts';
import { referenceById } from '#lib/validation/reference-by-id.ts';
import { checkTags } from '#lib/validation/tags.ts';

const noteSchema = schemas.notes(referenceById);
const entry = (id: string, tags: string[]): ValidEntry => ({
	collection: 'notes',
	id,
	file: `content/notes/${id}.md`,
	data: noteSchema.parse({ title: id, summary: 'A note.', tags }),
	locate: (path) => ({ line: 4, column: 3 + Number(path[1] ?? 0) }),
});

describe('checkTags', () => {
	it('flags a tag used once that is one edit from a tag several entries use, with the closest tag', () => {
		const problems = checkTags([
			entry('a', ['packaging']),
			entry('b', ['packaging']),
			entry('c', ['pakaging', 'apk']),
		]);
		expect(problems).toEqual([
			{
				file: 'content/notes/c.md',
				line: 4,
				column: 3,
				field: 'tags.0',
				message: 'unknown tag "pakaging": no other entry uses it',
				hint: 'did you mean "packaging" (used by 2 entries)?',
			},
		]);
	});

	it('flags a plural next to a common singular', () => {
		const problems = checkTags([
			entry('a', ['container']),
			entry('b', ['container']),
			entry('c', ['containers']),
		]);
		expect(problems.map((problem) => problem.hint)).toEqual([
			'did you mean "container" (used by 2 entries)?',
		]);
	});

	it('leaves new tags, short tags and tags far from any common one alone', () => {
		const entries = [
			entry('a', ['arm', 'ppc64le']),
			entry('b', ['arm', 'ppc64le']),
			entry('c', ['armv7', 'ppc64', 'riscv']),
		];
		expect(checkTags(entries)).toEqual([]);
		expect(checkTags([entry('a', ['pakaging']), entry('b', ['packaging'])])).toEqual([]);
	});
});
