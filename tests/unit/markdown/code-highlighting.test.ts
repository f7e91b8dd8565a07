import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import {
	classOf,
	codeBlockMarkup,
	codeBlockTitle,
	codeBlockTransformers,
	highlightDeclarations,
	highlightStylesheet,
	normaliseDeclaration,
	stylesToClasses,
} from '#lib/markdown/code-highlighting.ts';

const themes = { light: 'github-light', dark: 'github-dark' } as const;
const declarations = await highlightDeclarations(themes);
const highlighter = await createHighlighter({
	themes: Object.values(themes),
	langs: ['ts', 'md', 'diff', 'sh'],
});
const highlight = (code: string, lang: string) =>
	highlighter.codeToHtml(code, {
		lang,
		themes,
		defaultColor: false,
		transformers: [stylesToClasses(declarations)],
	});

describe('normaliseDeclaration and classOf', () => {
	it('spell one declaration one way, whatever case, spacing or hex length Shiki used', () => {
		expect(normaliseDeclaration(' --shiki-light : #032F62')).toBe('--shiki-light:#032f62');
		expect(normaliseDeclaration('--shiki-light-bg:#FFF')).toBe('--shiki-light-bg:#ffffff');
		expect(normaliseDeclaration('overflow-x: auto')).toBe('overflow-x:auto');
		expect(classOf('--shiki-light:#032F62')).toBe('shiki-light-032f62');
		expect(classOf('--shiki-dark-text-decoration:underline line-through')).toBe(
			'shiki-dark-text-decoration-underline-line-through',
		);
	});
});

describe('stylesToClasses', () => {
	it('leaves no style attribute in highlighted code, only classes with a stylesheet rule each', () => {
		const samples = [
			highlight('const greeting: string = `hello ${name}`; // says hello\n', 'ts'),
			highlight('# Title\n\n*italic* **bold** ~~gone~~ [link](https://example.org/)\n', 'md'),
			highlight('+ added\n- removed\n', 'diff'),
			highlight('apk add --no-cache podman # install\n', 'sh'),
		];
		const stylesheet = highlightStylesheet(declarations);
		for (const html of samples) {
			expect(html).not.toContain('style=');
			for (const [, classes] of html.matchAll(/class="([^"]*)"/g)) {
				for (const name of classes!
					.split(' ')
					.filter((name) => name.startsWith('shiki-light') || name.startsWith('shiki-dark'))) {
					expect(stylesheet, name).toContain(`.${name}{`);
				}
			}
		}
		// The colours survive as the same custom properties the site's CSS reads.
		expect(samples[0]).toContain('class="shiki-light-d73a49 shiki-dark-f97583"');
		expect(stylesheet).toContain('.shiki-light-d73a49{--shiki-light:#d73a49}');
		expect(stylesheet).toContain('.shiki-dark-bg-24292e{--shiki-dark-bg:#24292e}');
	});

	it('stops on a declaration it has no class for, rather than leave it to the CSP', () => {
		const transformer = stylesToClasses(new Set(['--shiki-light:#000000']));
		const tree = {
			type: 'root' as const,
			children: [
				{
					type: 'element' as const,
					tagName: 'span',
					properties: { style: 'color: red' },
					children: [],
				},
			],
		};
		expect(() => transformer.root!.call({} as never, tree)).toThrow(
			'Shiki wrote the style "color:red", which has no class',
		);
	});
});

describe('highlightStylesheet', () => {
	it("gives each theme's colours, backgrounds and font styles one rule each", () => {
		const rules = highlightStylesheet(declarations).split('\n');
		expect(rules).toContain('.shiki-light-24292e{--shiki-light:#24292e}');
		expect(rules).toContain('.shiki-dark-e1e4e8{--shiki-dark:#e1e4e8}');
		expect(rules).toContain('.shiki-light-font-style-italic{--shiki-light-font-style:italic}');
		expect(rules).toContain('.overflow-x-auto{overflow-x:auto}');
		expect(new Set(rules).size).toBe(rules.length);
	});
});

describe('codeBlockTransformers', () => {
	it('reads a title from the meta, in either quotes, and nothing else', () => {
		expect(codeBlockTitle('title="deploy.sh" {2}')).toBe('deploy.sh');
		expect(codeBlockTitle("{1-3} title='nginx.conf'")).toBe('nginx.conf');
		expect(codeBlockTitle('subtitle="x"')).toBeUndefined();
		expect(codeBlockTitle('title=""')).toBeUndefined();
		expect(codeBlockTitle(undefined)).toBeUndefined();
	});

	it('write exactly the markup codeBlockMarkup lets through the sanitiser', () => {
		const html = highlighter.codeToHtml(
			'a // [!code ++]\nb // [!code --]\nc // [!code highlight]\nd\n',
			{
				lang: 'ts',
				themes,
				defaultColor: false,
				meta: { __raw: 'title="x.ts" {4}' },
				transformers: [...codeBlockTransformers(), stylesToClasses(declarations)],
			},
		);
		const written: Record<string, Set<string>> = {};
		for (const [, tag, classes] of html.matchAll(/<(\w+)[^>]*?class="([^"]*)"/g)) {
			for (const name of classes!.split(' '))
				if (!/^(shiki|line$|github-)/.test(name)) (written[tag!] ??= new Set()).add(name);
		}
		expect(
			Object.fromEntries(Object.entries(written).map(([tag, names]) => [tag, [...names].sort()])),
		).toEqual(
			Object.fromEntries(
				Object.entries(codeBlockMarkup).map(([tag, names]) => [tag, [...names].sort()]),
			),
		);
	});
});
