import { evaluate } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { siteMarkdown } from '../../../src/integrations/markdown';
import { codeThemes } from '#lib/markdown/code-highlighting.ts';
import { contentSchema, isAllowedUrl, rehypeSanitizeContent } from '#lib/markdown/sanitize.ts';

/** The site's own Markdown and MDX renderers, from astro.config.mjs: the pipeline a build runs. */
const site = await siteMarkdown();
const shared = { syntaxHighlight: 'shiki' as const, shikiConfig: site.shikiConfig };
const markdownRenderer = await site.processors.md.createRenderer(shared);
const mdxRenderer = await site.processors.mdx.createMdxRenderer!(shared, { optimize: false });
const renderMarkdown = async (markdown: string) => (await markdownRenderer.render(markdown)).code;
const compileMdx = async (mdx: string) =>
	(await mdxRenderer.process(mdx, '/virtual/note.mdx', {})).code;

describe('Markdown as the site renders it', () => {
	it.each([
		[
			'a meta refresh to another site',
			'<meta http-equiv="refresh" content="0;url=https://evil.example/">',
			/<meta/,
		],
		['a same-origin script', '<script src="/_astro/x.js"></script>', /<script/],
		['an inline script', '<script>alert(1)</script>', /alert/],
		['a style overlay', '<div style="position:fixed;inset:0;z-index:9">Win</div>', /style=/],
		['an event handler', '<p onmouseover="steal()">Hover</p>', /onmouseover/],
		['a javascript: link', '[click](javascript:alert(1))', /javascript:/],
		['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript/],
		['a data: link', '[see](data:text/html;base64,PHNjcmlwdD4=)', /data:/],
		['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /avascript/],
		['an iframe', '<iframe src="https://evil.example/"></iframe>', /<iframe/],
		['a base element', '<base href="https://evil.example/">', /<base/],
		['a stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">', /<link/],
		['a form', '<form action="https://evil.example/"><input name="q"></form>', /<form|action=/],
		['an SVG with a handler', '<svg onload="alert(1)"><circle r="1"/></svg>', /<svg|onload/],
		['a custom element', '<x-overlay class="modal">Win</x-overlay>', /x-overlay/],
	])('removes %s', async (_, markdown, unsafe) => {
		expect(await renderMarkdown(`Before\n\n${markdown}\n\nAfter`)).not.toMatch(unsafe);
	});

	it('keeps the HTML content may use: tables, details, kbd, sup, footnotes, task lists, highlighted code', async () => {
		const html = await renderMarkdown(
			[
				'| a | b |\n| - | - |\n| 1 | 2 |',
				'<details><summary>More</summary>Press <kbd>Ctrl</kbd>+<kbd>K</kbd>, x<sup>2</sup>, H<sub>2</sub>O.</details>',
				'A claim.[^1]\n\n[^1]: The source.',
				'- [x] done\n- [ ] to do',
				'```sh\napk add podman\n```',
				'## A heading',
			].join('\n\n'),
		);
		for (const kept of [
			'<table>',
			'<details>',
			'<summary>More</summary>',
			'<kbd>Ctrl</kbd>',
			'<sup>2</sup>',
			'<sub>2</sub>',
			'type="checkbox"',
			'class="astro-code',
			'shiki-dark-',
			'id="a-heading"',
		]) {
			expect(html).toContain(kept);
		}
		// The footnote reference still reaches its note once the note's id is prefixed.
		const href = /<a href="#([^"]+)"[^>]*data-footnote-ref/.exec(html)?.[1];
		expect(href).toBeDefined();
		expect(html).toContain(`id="${href}"`);
	});

	it('keeps highlighted code whole, its colours as classes, in a body without raw HTML', async () => {
		const html = await renderMarkdown('```sh\napk add podman\n```');
		const themes = Object.values(codeThemes).join(' ');
		expect(html.startsWith(`<pre class="astro-code astro-code-themes ${themes} shiki-light-`)).toBe(
			true,
		);
		expect(html).not.toContain('style=');
		expect(html).toMatch(/^<pre [^>]* tabindex="0" data-language="sh"><code><span class="line">/);
	});
});

describe('MDX as the site compiles it', () => {
	it('leaves no import, export or expression in the compiled module, whatever the checker said', async () => {
		const code = await compileMdx(
			[
				'import { readFileSync } from "node:fs"',
				'export const leaked = readFileSync("/etc/hostname", "utf8")',
				'',
				'# Note',
				'',
				'{readFileSync("/etc/passwd", "utf8")}',
				'',
				'Inline {process.env.HOME} too, and {/* a comment */} none.',
				'',
				'<TalkCard id={globalThis.process.exit(1)} />',
				'',
				'<Aside type="tip" {...{ onClick: "x" }}>Kept <script>alert(1)</script></Aside>',
			].join('\n'),
		);
		expect(code).not.toMatch(/node:fs|readFileSync|process\.env|process\.exit|leaked|alert\(1\)/);
		expect(code).toContain('Aside');
		expect(code).toContain('"tip"');
	});

	it('keeps author components and the HTML content may use', async () => {
		const code = await compileMdx(
			'<Aside type="note">Press <kbd>K</kbd></Aside>\n\n<TalkCard id="podman" />\n\n<details><summary>S</summary>x</details>\n',
		);
		for (const kept of ['Aside', 'TalkCard', '"podman"', '"kbd"', '"details"', '"summary"'])
			expect(code).toContain(kept);
	});
});

describe('rehypeSanitizeContent over a compiled MDX module', () => {
	// A stand-in JSX runtime: the module is really run, so any code left in it would run too.
	const runtime = {
		Fragment: 'fragment',
		jsx: (type: unknown, props: unknown) => ({ type, props }),
		jsxs: (type: unknown, props: unknown) => ({ type, props }),
	};
	const hostile =
		'export const ran = (globalThis.edelweissCanary = "export")\n\n{(globalThis.edelweissCanary = "expression")}\n';

	it('runs nothing from the content', async () => {
		const globals = globalThis as { edelweissCanary?: string };
		delete globals.edelweissCanary;
		const module = await evaluate(hostile, { ...runtime, rehypePlugins: [rehypeSanitizeContent] });
		(module.default as (props: object) => unknown)({ components: {} });
		expect(globals.edelweissCanary).toBeUndefined();
		// Without the plugin the same text runs: the test would catch a plugin that stopped working.
		const unsafe = await evaluate(hostile, runtime);
		(unsafe.default as (props: object) => unknown)({ components: {} });
		expect(globals.edelweissCanary).toBe('expression');
		delete globals.edelweissCanary;
	});
});

describe('author components', () => {
	const runtime = {
		Fragment: 'fragment',
		jsx: (type: unknown, props: unknown) => ({ type, props }),
		jsxs: (type: unknown, props: unknown) => ({ type, props }),
	};
	/** The props each author component would receive when the compiled module really runs. */
	async function componentProps(mdx: string): Promise<Record<string, unknown>[]> {
		const module = await evaluate(mdx, { ...runtime, rehypePlugins: [rehypeSanitizeContent] });
		const Aside = () => null;
		const TalkCard = () => null;
		const received: Record<string, unknown>[] = [];
		const visit = (node: unknown): void => {
			if (Array.isArray(node)) return node.forEach(visit);
			if (!node || typeof node !== 'object' || !('props' in node)) return;
			const { type, props } = node as { type: unknown; props: Record<string, unknown> };
			const { children, ...rest } = props;
			if (type === Aside || type === TalkCard) received.push(rest);
			visit(children);
		};
		visit((module.default as (props: object) => unknown)({ components: { Aside, TalkCard } }));
		return received;
	}

	it('receive only the attributes they declare: set:html, slot, class:list, is:raw and other names are dropped', async () => {
		const props = await componentProps(
			[
				'<Aside type="tip" title="Kept" set:html="<meta http-equiv=refresh content=0;url=https://evil.example>" slot="x" class:list="site-header" is:raw id="main" class="site-nav">Text</Aside>',
				'',
				'<Aside type="note evil-class">Text</Aside>',
				'',
				'<TalkCard id="podman" set:text="x" data-x:y="1" />',
			].join('\n'),
		);
		expect(props).toEqual([{ type: 'tip', title: 'Kept' }, {}, { id: 'podman' }]);
	});
});

describe('the allow-list', () => {
	it('lets a site allow more, and only what it names', () => {
		const schema = contentSchema({ tagNames: ['mark'], attributes: { mark: ['className'] } });
		expect(schema.tagNames).toContain('mark');
		expect(schema.attributes!.mark).toEqual(['className']);
		expect(contentSchema().tagNames).not.toContain('mark');
	});

	it.each([
		['/talks/podman/', true],
		['#section', true],
		['https://example.org/', true],
		['mailto:a@example.org', true],
		['javascript:alert(1)', false],
		['JavaScript:alert(1)', false],
		[' javascript:alert(1)', false],
		['data:text/html,x', false],
		['vbscript:x', false],
		['./a:b', true],
	])('judges %s as %s for links', (url, allowed) => {
		expect(isAllowedUrl(url, contentSchema().protocols!.href!)).toBe(allowed);
	});
});
