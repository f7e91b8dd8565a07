import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	loadValidationCache,
	saveValidationCache,
	textDigest,
	type FileResult,
} from '#lib/validation/validation-cache.ts';

describe('the validation cache', async () => {
	const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-validation-cache-'));
	afterAll(() => rm(folder, { recursive: true, force: true }));
	const file = path.join(folder, 'nested/validation.json');
	const result: FileResult = {
		digest: textDigest('---\nname: Ada\n---\n'),
		problems: [
			{
				file: 'content/people/ada.md',
				line: 5,
				column: 1,
				message: 'link to a missing page "/x/"',
			},
		],
		links: [{ kind: 'link', url: '/x/', line: 5, column: 1 }],
		talkCards: [],
		data: { name: 'Ada' },
	};

	it('is empty before anything was saved', async () => {
		expect(await loadValidationCache({ file, key: 'a' })).toEqual(new Map());
	});

	it('gives back what was saved under the same key, and nothing under another', async () => {
		await saveValidationCache({ file, key: 'a' }, new Map([['content/people/ada.md', result]]));
		expect(await loadValidationCache({ file, key: 'a' })).toEqual(
			new Map([['content/people/ada.md', result]]),
		);
		expect(await loadValidationCache({ file, key: 'b' })).toEqual(new Map());
		expect(await readdir(path.dirname(file))).toEqual(['validation.json']);
	});

	it('is empty when the file is not what it wrote', async () => {
		await writeFile(file, '{"key": "a", "files": ');
		expect(await loadValidationCache({ file, key: 'a' })).toEqual(new Map());
	});

	it('digests text by its content', () => {
		expect(textDigest('a')).toBe(textDigest('a'));
		expect(textDigest('a')).not.toBe(textDigest('b'));
	});
});
