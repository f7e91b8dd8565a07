import { describe, expect, it } from 'vitest';
import { limits } from '#lib/content/limits.ts';
import { scanBody } from '#lib/validation/body.ts';

describe('scanBody', () => {
	it('refuses markup nested past the limit at its file line, before any parser overflows the stack', () => {
		for (const [body, format] of [
			['> '.repeat(10_000), 'md'],
			['- '.repeat(10_000), 'md'],
			['<div>\n'.repeat(20_000), 'mdx'],
		] as const) {
			const { problems } = scanBody('x.md', `Intro.\n\n${body}x\n`, 6, format);
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatchObject({
				file: 'x.md',
				line: format === 'mdx' ? 8 + limits.markupDepth : 8,
			});
			expect(problems[0]!.message).toMatch(/nest deeper than 64 levels, the limit$/);
		}
	});

	it('warns once at its place about each image from another site, which the page policy blocks', () => {
		const body =
			'![a](https://x.example/a.png) ![b](./b.png) ![c][c]\n\n<img src="//x.example/d.png">\n\n[c]: http://x.example/c.png\n';
		const warnings = scanBody('x.md', body, 5, 'md').problems;
		expect(
			warnings.map(({ line, column, severity, message }) => ({
				line,
				column,
				severity,
				message: message.split(':')[0],
			})),
		).toEqual([
			{ line: 5, column: 1, severity: 'warning', message: 'image from another site "https' },
			{ line: 5, column: 45, severity: 'warning', message: 'image from another site "http' },
			{
				line: 7,
				column: 1,
				severity: 'warning',
				message: 'image from another site "//x.example/d.png"',
			},
		]);
		expect(
			scanBody('x.mdx', '<img src="https://x.example/a.png" alt="a" />\n', 1, 'mdx').problems[0],
		).toMatchObject({ line: 1, severity: 'warning' });
	});

	it('parses markup nested up to the limit', () => {
		const depth = limits.markupDepth;
		for (const body of [
			`${'> '.repeat(depth)}[a](/b/)`,
			`${'<div>'.repeat(depth)}[a](/b/)${'</div>'.repeat(depth)}`,
			`${'**'.repeat(depth / 2)}[a](/b/)${'**'.repeat(depth / 2)}`,
		]) {
			const scan = scanBody('x.md', body, 1, 'md');
			expect(scan.problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
			expect(scan.links).toHaveLength(body.startsWith('<') ? 0 : 1);
		}
	});

	it('reports an unclosed component at the line of its opening tag in the file', () => {
		const { problems } = scanBody(
			'x.mdx',
			'Intro.\n\n<Aside type="tip">\nnever closed\n',
			8,
			'mdx',
		);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'x.mdx', line: 10, column: 1 });
		expect(problems[0]!.message).toBe(
			'MDX cannot parse this: Expected a closing tag for `<Aside>`',
		);
		expect(problems[0]!.hint).toContain('close every component tag');
	});

	it('reports a broken JSX expression at its line and column, with a hint about braces', () => {
		const { problems } = scanBody(
			'x.mdx',
			'First line.\n\nBuilders use {cores + } cores.\n',
			5,
			'mdx',
		);
		// Acorn stops where the expression breaks: after the `+`.
		expect(problems[0]).toMatchObject({ line: 7, column: 23 });
		expect(problems[0]!.hint).toContain('\\{ for a literal brace');
	});

	it('names a misspelt component and the one that was meant', () => {
		const { problems } = scanBody(
			'x.mdx',
			'<Asid>Hi</Asid>\n\n<div>plain HTML is fine</div>\n',
			1,
			'mdx',
		);
		expect(problems).toEqual([
			{
				file: 'x.mdx',
				line: 1,
				column: 1,
				message: 'unknown component <Asid>',
				hint: 'did you mean <Aside>?',
			},
		]);
	});

	it('collects talk cards, links and images with their file lines', () => {
		const scan = scanBody(
			'x.mdx',
			'<TalkCard id="podman" />\n\n[a talk](/talks/podman/) and ![a photo](./photo.png)\n',
			10,
			'mdx',
		);
		expect(scan.problems).toEqual([]);
		expect(scan.talkCards).toEqual([{ id: 'podman', line: 10, column: 1 }]);
		expect(scan.links).toEqual([
			{ kind: 'link', url: '/talks/podman/', line: 12, column: 1 },
			{ kind: 'image', url: './photo.png', line: 12, column: 30 },
		]);
	});

	it('requires an id on a talk card', () => {
		expect(scanBody('x.mdx', '<TalkCard />\n', 1, 'mdx').problems[0]!.message).toBe(
			'<TalkCard> needs id="…", the id of a talk',
		);
	});

	it('reads Markdown without JSX: a lone tag or brace in .md is text', () => {
		const scan = scanBody('x.md', '<Aside>\n\n{ not an expression\n\n[link](/notes/x/)\n', 1, 'md');
		// In Markdown <Aside> is raw HTML, an <aside> the sanitiser removes: a warning, not an error.
		expect(scan.problems).toEqual([
			expect.objectContaining({
				line: 1,
				severity: 'warning',
				message: 'removed from the page: <aside> (its text stays)',
			}),
		]);
		expect(scan.links.map((link) => link.url)).toEqual(['/notes/x/']);
	});
});

describe('scanBody on code and unsafe HTML', () => {
	it('refuses MDX imports and exports at their line, naming the components available', () => {
		const { problems } = scanBody(
			'x.mdx',
			'---\ntitle: X\n---\n\nimport { readFileSync } from "node:fs"\n\nexport const secret = 1\n',
			1,
			'mdx',
		);
		expect(problems).toEqual([
			{
				file: 'x.mdx',
				line: 5,
				column: 1,
				message: 'content may not import or export: MDX imports run code when the site is built',
				hint: 'use the components available without import: <Aside>, <TalkCard> (src/components/mdx/)',
			},
			expect.objectContaining({
				line: 7,
				message: 'content may not import or export: MDX imports run code when the site is built',
			}),
		]);
	});

	it('refuses expressions and expression attributes, but not comments', () => {
		const { problems } = scanBody(
			'x.mdx',
			'{process.env.HOME}\n\n{/* a note */}\n\n<Aside type={"tip"}>x</Aside>\n',
			1,
			'mdx',
		);
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'1:1 content may not run code: JavaScript expression {…}',
			'5:8 content may not run code: JavaScript in attribute type of <Aside>',
		]);
	});

	it('warns about HTML the page will not show, at its line', () => {
		const body =
			'Text\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\nA [link](javascript:alert(1)) and <span style="position:fixed">x</span>.\n';
		expect(
			scanBody('x.md', body, 1, 'md').problems.map(
				({ line, column, severity, message }) => `${line}:${column} ${severity} ${message}`,
			),
		).toEqual([
			'3:1 warning removed from the page: <meta>',
			'5:3 warning removed from the page: href="javascript:alert(1)" on <a>',
			'5:35 warning removed from the page: attribute style on <span>',
		]);
	});

	it('says nothing about HTML content may use', () => {
		expect(
			scanBody(
				'x.md',
				'<details><summary>More</summary>Press <kbd>K</kbd>, x<sup>2</sup></details>\n\n| a |\n| - |\n',
				1,
				'md',
			).problems,
		).toEqual([]);
	});
});
