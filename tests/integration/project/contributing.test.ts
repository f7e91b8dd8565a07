import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '#lib/validation/validate-content.ts';
import { fixtureContent, outputRoot, projectRoot } from '../../helpers/build-site';

/** CONTRIBUTING.md's examples are what newcomers copy: each must be a valid entry. */
describe('CONTRIBUTING.md examples', async () => {
	const guide = await readFile(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
	// Each example is introduced by its path, e.g. "`content/talks/packaging-with-apk.md`.", then a fenced entry.
	const examples = [
		...guide.matchAll(/`(content\/[\w-]+\/[\w-]+\.mdx?)`\.[\s\S]*?```mdx?\n(---\n[\s\S]*?)```/g),
	].map(([, file, text]) => ({
		file: file!,
		text: text!,
	}));

	it('has a complete example of every content type', () => {
		expect(examples.map((example) => example.file.split('/')[1]).sort()).toEqual([
			'case-studies',
			'events',
			'notes',
			'people',
			'recaps',
			'sponsors',
			'talks',
			'topics',
		]);
	});

	it('gives examples that pass content validation, references included', async () => {
		const content = path.join(outputRoot, 'contributing/content');
		await rm(content, { recursive: true, force: true });
		await cp(path.join(projectRoot, fixtureContent('basic')), content, { recursive: true });
		for (const example of examples) {
			const file = path.join(content, example.file.replace(/^content\//, ''));
			// The fixture may have no folder yet for a newer type (topics).
			await mkdir(path.dirname(file), { recursive: true });
			await writeFile(file, example.text);
		}
		const { problems } = await validateContent(projectRoot, path.relative(projectRoot, content));
		expect(problems).toEqual([]);
	});
});
