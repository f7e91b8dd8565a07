import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanBody } from '#lib/validation/body.ts';
import { checkBodyReferences, type ScannedBody } from '#lib/validation/body-links.ts';
import { schemas } from '#schemas/index.ts';
import type { ValidEntry } from '#lib/validation/integrity.ts';
import { referenceById } from '#lib/validation/reference-by-id.ts';
import { formatProblem } from '#lib/validation/problem.ts';
import { editUrl } from '#lib/view/urls.ts';

const body = (collection: ScannedBody['collection'], id: string, text: string): ScannedBody => {
	const file = `content/${collection}/${id}.mdx`;
	return { ...scanBody(file, text, 1, 'mdx'), collection, id, file };
};
const talkSchema = schemas.talks(referenceById);
const talk = (id: string, tags: string[] = []): ValidEntry => ({
	collection: 'talks',
	id,
	file: `content/talks/${id}.md`,
	data: talkSchema.parse({ title: id, event: 'e', tags }),
	locate: () => ({ line: 1, column: 1 }),
});

describe('checkBodyReferences', () => {
	it('resolves site paths, relative links and tag pages, and leaves external links and anchors alone', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-links-'));
		await mkdir(path.join(root, 'content/notes'), { recursive: true });
		await mkdir(path.join(root, 'public/images'), { recursive: true });
		await writeFile(path.join(root, 'content/notes/photo.png'), '');
		await writeFile(path.join(root, 'public/images/logo.svg'), '');
		const bodies = [
			body(
				'notes',
				'a',
				[
					'[ok](/talks/t/) [ok](../b/) [ok](/tags/apk/) [ok](/talks/) [ok](/rss.xml) [ok](https://example.org/x/) [ok](#top) [ok](mailto:x@example.org)',
					'[ok](/search/?q=apk) [ok](/offline/) [ok](/missing-recordings/) [ok](/) [bad](/404/)',
					'',
					'[bad](../c/) [bad](/tags/apkk/) [bad](./b.md)',
					'',
					'![ok](./photo.png) ![ok](/images/logo.svg) ![bad](/images/gone.svg) ![ok](https://example.org/x.png)',
					'',
					'<TalkCard id="t" /> <TalkCard id="tt" />',
				].join('\n'),
			),
			body('notes', 'b', ''),
			body('talks', 't', ''),
		];
		const problems = checkBodyReferences(bodies, [talk('t', ['apk'])], { root }).map(formatProblem);
		expect(problems).toEqual([
			'content/notes/a.mdx:8:21 <TalkCard> names unknown talk "tt"\n    hint: did you mean "t"?',
			'content/notes/a.mdx:2:73 link to a missing page "/404/"\n    hint: pages are /<collection>/<id>/, e.g. /talks/<file name>/',
			'content/notes/a.mdx:4:1 link to a missing page "../c/"\n    hint: did you mean "/notes/a/"?',
			'content/notes/a.mdx:4:14 link to a missing page "/tags/apkk/"\n    hint: did you mean "/tags/apk/"?',
			'content/notes/a.mdx:4:33 link "./b.md" points at a source file\n    hint: link to the page instead, e.g. /talks/<id>/',
			'content/notes/a.mdx:6:44 image "/images/gone.svg" does not exist\n    hint: expected a file at public/images/gone.svg',
		]);
	});
});

describe('editUrl', () => {
	it('joins the edit base and the path from the repository root', () => {
		expect(editUrl('content/talks/x.md', 'https://gitlab.example.org/a/b/-/edit/main/')).toBe(
			'https://gitlab.example.org/a/b/-/edit/main/content/talks/x.md',
		);
		expect(editUrl('./content/talks/x.md', 'https://github.com/a/b/edit/main')).toBe(
			'https://github.com/a/b/edit/main/content/talks/x.md',
		);
	});
});
