import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '#lib/content/limits.ts';
import { findMarkupLimitProblem, type MarkupFormat } from '#lib/markdown/markup-limits.ts';
import { parseFrabXml } from '#lib/schedule/parse-frab-xml.ts';
import { parseEntrySource } from '#lib/validation/frontmatter.ts';
import { projectRoot } from '../../helpers/build-site';

const depth = limits.markupDepth;
const at = (text: string, format: MarkupFormat = 'md') => {
	const found = findMarkupLimitProblem(text, format);
	return found && { line: found.line, column: found.column, message: found.message };
};

describe('findMarkupLimitProblem', () => {
	it.each([
		['blockquotes on one line', '> '.repeat(10_000), 'quotes and lists'],
		['list items on one line', '- '.repeat(10_000), 'quotes and lists'],
		['ordered list items', '1. '.repeat(10_000), 'quotes and lists'],
		['quotes and lists mixed', '> - * + 1) '.repeat(2_000), 'quotes and lists'],
	])('finds %s nested past the limit, at their line', (_, line, what) => {
		expect(at(`Intro.\n\n${line}x\n`)).toEqual({
			line: 3,
			column: 1,
			message: `${what} nest deeper than ${depth} levels, the limit`,
		});
	});

	it('counts two columns of indentation as a list level', () => {
		const list = Array.from(
			{ length: 80 },
			(_, level) => `${'  '.repeat(level)}- level ${level}`,
		).join('\n');
		expect(at(list)?.line).toBe(depth + 1);
	});

	it('finds HTML elements nested past the limit, on one line or many, at the tag that passes it', () => {
		expect(at('<div>'.repeat(100))).toMatchObject({ line: 1, column: depth * 5 + 1 });
		expect(at('<div\nclass=a>'.repeat(100))).toMatchObject({ line: depth + 1, column: 9 });
		expect(at('<b><i>'.repeat(50), 'html')).toMatchObject({ line: 1, column: depth * 3 + 1 });
		expect(at('<section>'.repeat(20_000), 'mdx')?.message).toContain('elements');
		expect(at(`${'<>\n'.repeat(2_000)}x\n${'</>\n'.repeat(2_000)}`, 'mdx')).toMatchObject({
			line: depth + 1,
			column: 1,
		});
		expect(at('a <> b, <> and </> are text in Markdown\n\n'.repeat(100))).toBeUndefined();
	});

	it('finds emphasis nested past the limit', () => {
		expect(at(`${'*'.repeat(1_000)}x${'*'.repeat(1_000)}`)).toMatchObject({
			line: 1,
			column: 1,
			message: expect.stringContaining('emphasis'),
		});
		expect(at(`Intro.\n\n${'**'.repeat(depth)}x${'**'.repeat(depth)}`)).toMatchObject({
			line: 3,
			column: 1,
		});
	});

	it('finds a paragraph past the size limit at its first line, and lets many short ones be', () => {
		expect(at(`# Title\n\n${'[a](b '.repeat(85_000)}`)).toEqual({
			line: 3,
			column: 1,
			message: 'this paragraph is over 16 KB, the limit for one paragraph',
		});
		expect(at(`Intro.\n\n${'[a](b\n'.repeat(5_000)}`)?.line).toBe(3);
		expect(at(`${'*_'.repeat(1_000)}x${'_*'.repeat(1_000)}`)?.message).toBe(
			'this paragraph has over 500 emphasis marks and brackets (* _ ~ [ ]), the limit for one paragraph or table',
		);
		// micromark pairs the marks of a whole table at once: 40 such rows took 6 s, 200 over 5 minutes.
		expect(at(`Intro.\n\n| a |\n|---|\n${`| ${'*_'.repeat(240)} |\n`.repeat(200)}`)).toMatchObject({
			line: 3,
			message: expect.stringContaining('or table'),
		});
		expect(at(`| a | b |\n|---|---|\n${'| [x](/y/) | **z** |\n'.repeat(60)}`)).toBeUndefined();
		expect(at('[a](b \n\n'.repeat(20_000))).toBeUndefined();
		expect(at('- [a](b)\n'.repeat(10_000))).toBeUndefined();
		expect(at(`Heading\n${'='.repeat(50)}\n`.repeat(2_000))).toBeUndefined();
	});

	it('lets nesting up to the limit be', () => {
		expect(at(`${'> '.repeat(depth)}x`)).toBeUndefined();
		expect(at(`${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}\n\n`.repeat(50))).toBeUndefined();
		expect(at(`${'**'.repeat(depth / 2)}x${'**'.repeat(depth / 2)}`)).toBeUndefined();
	});

	it('does not count code, thematic breaks, closed emphasis, void and optional-end elements, or MDX self-closing tags', () => {
		const code =
			'```html\n' + '<div>'.repeat(1_000) + '\n```\n\n~~~\n' + '> '.repeat(1_000) + '\n~~~\n';
		expect(at(code)).toBeUndefined();
		expect(at(`${'Use `<div>` or ``<section>`` here. '.repeat(100)}\n`)).toBeUndefined();
		expect(at('- - - - - - - -\n\n* * * * * * *\n'.repeat(100))).toBeUndefined();
		expect(at('Some **bold** and _italic_ and ~~struck~~ words.\n\n'.repeat(500))).toBeUndefined();
		expect(at('<br><img src="a.png"><hr><ul><li>one<li>two</ul>'.repeat(200))).toBeUndefined();
		expect(at('<Aside type="tip" />\n'.repeat(200), 'mdx')).toBeUndefined();
		expect(at('snake_case_name and 2*3*4 and a * b\n'.repeat(30))).toBeUndefined();
		expect(at('<https://example.org/a> <mailto:a@example.org> '.repeat(300))).toBeUndefined();
		expect(at('\\* \\_ \\[ \\< '.repeat(1_000))).toBeUndefined();
		expect(at('<svg:rect> <Foo.Bar> '.repeat(40), 'mdx')?.message).toContain('elements');
	});

	it('passes every body in content/, as the validator reads it (front matter blanked out), and every FOSDEM 2020 abstract', async () => {
		const content = path.join(projectRoot, 'content');
		const files = (await readdir(content, { recursive: true })).filter((file) =>
			/\.mdx?$/.test(file),
		);
		expect(files.length).toBeGreaterThan(50);
		for (const file of files) {
			const { body } = parseEntrySource(await readFile(path.join(content, file), 'utf8'));
			expect(at(body, file.endsWith('.mdx') ? 'mdx' : 'md'), file).toBeUndefined();
		}
		const fosdem = path.join(projectRoot, 'tests/fixtures/schedules/fosdem-2020.xml');
		const talks = parseFrabXml(await readFile(fosdem, 'utf8'), fosdem).talks;
		for (const talk of talks)
			for (const text of [talk.abstract, talk.description])
				expect(at(text ?? '', 'html'), talk.title).toBeUndefined();
	});
});
