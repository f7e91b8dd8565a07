import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { siteMarkdown } from '../../../src/integrations/markdown';
import { markdownProcessors, type HastTransform } from '#lib/markdown/processors.ts';
import { parseEntrySource } from '#lib/validation/frontmatter.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const site = await siteMarkdown();
const shared = { syntaxHighlight: 'shiki' as const, shikiConfig: site.shikiConfig };

/** Every `.md` page of the fixtures and of the real content, by path from the project root. */
async function markdownPages(): Promise<string[]> {
	const folders = ['tests/fixtures', 'content'];
	const files = await Promise.all(
		folders.map(async (folder) =>
			(await readdir(path.join(root, folder), { recursive: true }))
				.filter((name) => name.endsWith('.md'))
				.map((name) => path.join(folder, name)),
		),
	);
	// Schedule fixtures' READMEs are documentation, not pages.
	// Refused hostile files (UTF-16, control characters) never reach a renderer: the check stops them.
	return files
		.flat()
		.filter(
			(file) =>
				file.includes(`${path.sep}content${path.sep}`) ||
				file.startsWith('content') ||
				file.includes('fixtures/markdown'),
		)
		.filter((file) => !file.includes('fixtures/hostile/refused'));
}

/**
 * Both serialisers' output read back and written by one: `&amp;` and `&#x26;`, `a=""` and `a`
 * are the same HTML, and so is a body with or without a final newline. The JSON with which both
 * mark local images for Astro is compared as JSON.
 */
function normalise(html: string): string {
	const $ = load(html.trimEnd(), null, false);
	$('[__astro_image_]').each((_, image) => {
		const marker = JSON.parse($(image).attr('__astro_image_')!) as Record<string, unknown>;
		$(image).attr(
			'__astro_image_',
			JSON.stringify(
				Object.fromEntries(Object.entries(marker).sort(([a], [b]) => a.localeCompare(b))),
			),
		);
	});
	return $.html();
}

/** Renders with both of `processors` (the site's own by default, sanitiser included). */
async function renderers({ md, mdx }: ReturnType<typeof markdownProcessors> = site.processors) {
	const [satteri, unified] = await Promise.all([
		md.createRenderer(shared),
		mdx.createRenderer(shared),
	]);
	/** `file` makes both collect local images for Astro's image pipeline, as in a build. */
	return async (markdown: string, file = path.join(root, 'content/notes/page.md')) => {
		const options = { fileURL: pathToFileURL(file) };
		const [fast, reference] = await Promise.all([
			satteri.render(markdown, options),
			unified.render(markdown, options),
		]);
		return { satteri: fast, unified: reference };
	};
}

const renderBoth = await renderers();

const pages = await markdownPages();

describe('Sätteri (.md) and unified with remark-gfm (.mdx) render the same HTML', () => {
	it('finds the fixture pages and the real content', () => {
		expect(pages).toContain(path.join('tests/fixtures/markdown/every-construct.md'));
		expect(pages.filter((page) => page.startsWith('content')).length).toBeGreaterThan(50);
	});

	it.each(pages)('%s', async (page) => {
		const { body } = parseEntrySource(await readFile(path.join(root, page), 'utf8'));
		const { satteri, unified } = await renderBoth(body, path.join(root, page));
		expect(normalise(satteri.code)).toBe(normalise(unified.code));
		expect(satteri.metadata.headings).toEqual(unified.metadata.headings);
	});
});

describe('the rules both pipelines apply', async () => {
	const { body } = parseEntrySource(
		await readFile(path.join(root, 'tests/fixtures/markdown/every-construct.md'), 'utf8'),
	);
	const { satteri } = await renderBoth(body);
	const $ = load(satteri.code, null, false);

	it('gives headings ids and a hidden # anchor, but not the footnotes label', () => {
		expect($('h2#tables > a.heading-anchor').attr('href')).toBe('#tables');
		expect($('h2#tables > a.heading-anchor').text()).toBe('#');
		expect($('h2#tables > a.heading-anchor').attr('aria-hidden')).toBe('true');
		expect($('h3#tables-1').length).toBe(1);
		expect($('[id$=footnote-label] a').length).toBe(0);
		expect($('[id$=footnote-label]').text()).toBe('Footnotes');
	});

	it('keeps the anchors out of the table of contents', () => {
		expect(satteri.metadata.headings.slice(0, 3)).toEqual([
			{ depth: 1, slug: 'a-title', text: 'A title' },
			{ depth: 2, slug: 'tables', text: 'Tables' },
			{ depth: 2, slug: 'task-lists', text: 'Task lists' },
		]);
	});

	it('labels task-list checkboxes by state', () => {
		expect(
			$('input[type=checkbox]')
				.map((_, input) => $(input).attr('aria-label'))
				.get(),
		).toEqual(['Done', 'Not done', 'Done']);
	});

	it('adds rel="noopener noreferrer" to links that leave the hub, and only those', () => {
		const rels = Object.fromEntries(
			$('a[href]')
				.map((_, a) => [[$(a).attr('href'), $(a).attr('rel') ?? '']])
				.get(),
		);
		expect(rels['https://example.org']).toBe('noopener noreferrer');
		expect(rels['//example.net/page']).toBe('noopener noreferrer');
		expect(rels['https://example.com/bare']).toBe('noopener noreferrer');
		expect(rels['http://www.example.com']).toBe('noopener noreferrer');
		expect(rels['/talks/']).toBe('');
		expect(rels['#tables']).toBe('');
		expect(rels['mailto:ada@example.org']).toBe('');
	});

	it('renders GFM tables, strikethrough, footnotes and Shiki dual themes', () => {
		expect($('table th').first().text()).toBe('Left');
		expect(
			$('table td')
				.map((_, td) => $(td).attr('class'))
				.get()
				.slice(0, 3),
		).toEqual(['align-left', 'align-center', 'align-right']);
		expect($('[align], [style]:not(pre, pre *)').length).toBe(0);
		expect($('del').length).toBe(2);
		expect($('section[data-footnotes] li').length).toBe(2);
		expect($('pre.astro-code').first().attr('class')).toContain('shiki-dark-');
		expect($('[style]').length).toBe(0);
	});
});

describe('a whole-document transform', () => {
	/** Marks every paragraph and drops every quotation: edits a plain tree, as a sanitiser would, before the hub's rules. */
	const mark: HastTransform = (tree: Root) => {
		const visit = (node: Root | Root['children'][number]) => {
			if (!('children' in node)) return;
			node.children = node.children.filter(
				(child) => !(child.type === 'element' && child.tagName === 'blockquote'),
			);
			for (const child of node.children) {
				if (child.type === 'element' && child.tagName === 'p')
					child.properties.className = ['marked'];
				visit(child);
			}
		};
		visit(tree);
	};

	it('runs in both pipelines with the same result', async () => {
		const render = await renderers(markdownProcessors({ transforms: [mark] }));
		const { satteri, unified } = await render(
			'One.\n\n> hidden\n\nTwo [out](https://example.org).\n\n- [x] a\n',
		);
		expect(normalise(satteri.code)).toBe(normalise(unified.code));
		const $ = load(satteri.code, null, false);
		expect($('p.marked').length).toBe(2);
		// The rules ran after the transform: its paragraphs' links still got their rel.
		expect(satteri.code).not.toContain('hidden');
		expect($('a').attr('rel')).toBe('noopener noreferrer');
	});
});

describe('code blocks in notes', () => {
	const sample = [
		'```sh title="deploy.sh" {2}',
		'set -e',
		'apk add git',
		'echo done # [!code highlight]',
		'```',
		'',
		'```js',
		"const old = 'a'; // [!code --]",
		"const fresh = 'b'; // [!code ++]",
		'```',
		'',
	].join('\n');

	it('get a title, line highlights and diff markers, the same in both pipelines and through the sanitiser', async () => {
		const { satteri, unified } = await renderBoth(sample);
		expect(normalise(satteri.code)).toBe(normalise(unified.code));
		const $ = load(satteri.code, null, false);
		expect($('figure.code-block > figcaption.code-title').text()).toBe('deploy.sh');
		expect($('figure.code-block > pre.astro-code').length).toBe(1);
		const lines = $('figure pre .line');
		expect(lines.map((_, line) => $(line).attr('class')).get()).toEqual([
			'line',
			'line highlighted',
			'line highlighted',
		]);
		expect($('figure pre').text()).not.toContain('[!code');
		const diff = $('pre.has-diff .line');
		expect(diff.map((_, line) => $(line).attr('class')).get()).toEqual([
			'line diff remove',
			'line diff add',
		]);
		expect($('pre.has-diff').text()).not.toContain('[!code');
	});
});
