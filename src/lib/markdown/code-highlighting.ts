import type { Element, Root } from 'hast';
import {
	transformerMetaHighlight,
	transformerNotationDiff,
	transformerNotationHighlight,
} from '@shikijs/transformers';
import {
	addClassToHast,
	bundledThemes,
	normalizeTheme,
	type BundledTheme,
	type ShikiTransformer,
} from 'shiki';

/**
 * Shiki writes each token's colours into a `style` attribute, which a strict Content-Security-Policy
 * blocks unless it allows `style-src-attr 'unsafe-inline'`. Here every declaration Shiki can write
 * for the site's themes becomes a class with one stylesheet rule, so highlighted code keeps its
 * colours and no page needs an inline style.
 */

/** Shiki's themes for code blocks in both colour schemes; the site's CSS picks one. */
export const codeThemes = {
	light: 'github-light',
	dark: 'github-dark-default',
} as const satisfies Record<string, BundledTheme>;

/** Declarations Astro's highlighter adds to `<pre>` and to diff markers, besides the colours. */
const layoutDeclarations = [
	'overflow-x:auto',
	'white-space:pre-wrap',
	'word-wrap:break-word',
	'user-select:none',
];

/** What Shiki writes for a token's font style (`getTokenStyleObject` in @shikijs/core). */
const fontDeclarations = [
	'font-style:italic',
	'font-weight:bold',
	'text-decoration:underline',
	'text-decoration:line-through',
	'text-decoration:underline line-through',
];

/** `#FFF` and `#ffffff` are one colour: compare them in one spelling. */
function normaliseColour(value: string): string {
	const hex = /^#([0-9a-f]{3,4})$/i.exec(value)?.[1];
	return (hex ? `#${[...hex].map((digit) => digit + digit).join('')}` : value).toLowerCase();
}

/** One declaration in one spelling: no spaces around the colon, colours in lower-case long hex. */
export function normaliseDeclaration(declaration: string): string {
	const [property = '', ...rest] = declaration.split(':');
	return `${property.trim().toLowerCase()}:${normaliseColour(rest.join(':').trim())}`;
}

/** The class standing for a declaration: `--shiki-light:#032f62` → `shiki-light-032f62`. */
export const classOf = (declaration: string) =>
	normaliseDeclaration(declaration)
		.replace(/^--/, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/**
 * Every declaration Shiki writes for these themes with `defaultColor: false`: per theme variant
 * (`light`, `dark`), each colour and background of the theme as `--shiki-<variant>[-bg]`, its font
 * styles, and `inherit` where one variant styles a token the other leaves alone.
 */
export async function highlightDeclarations(
	themes: Record<string, BundledTheme>,
): Promise<Set<string>> {
	const declarations = new Set(layoutDeclarations);
	for (const [variant, name] of Object.entries(themes)) {
		const theme = normalizeTheme((await bundledThemes[name]()).default);
		const settings = theme.settings.map((setting) => setting.settings);
		const colours = [
			theme.fg,
			'inherit',
			...settings.flatMap((setting) => setting.foreground ?? []),
		];
		const backgrounds = [
			theme.bg,
			'inherit',
			...settings.flatMap((setting) => setting.background ?? []),
		];
		const prefix = `--shiki-${variant}`;
		for (const colour of colours) declarations.add(normaliseDeclaration(`${prefix}:${colour}`));
		for (const colour of backgrounds)
			declarations.add(normaliseDeclaration(`${prefix}-bg:${colour}`));
		for (const font of [
			...fontDeclarations,
			'font-style:inherit',
			'font-weight:inherit',
			'text-decoration:inherit',
		]) {
			declarations.add(normaliseDeclaration(`${prefix}-${font}`));
		}
	}
	return declarations;
}

/** The classes `stylesToClasses` writes, which the content sanitiser lets through on highlighted code. */
export const highlightClassPattern = new RegExp(
	`^(shiki-[a-z0-9-]+|${layoutDeclarations.map((declaration) => classOf(declaration)).join('|')})$`,
);

/** The stylesheet giving each class its declaration. */
export const highlightStylesheet = (declarations: Iterable<string>) =>
	[...declarations]
		.sort()
		.map((declaration) => `.${classOf(declaration)}{${declaration}}`)
		.join('\n');

/**
 * A Shiki transformer that moves every `style` attribute of the highlighted block into classes.
 * It runs last (Astro's own transformer adds `overflow-x: auto` to `<pre>` first) and stops the
 * build on a declaration without a class, rather than let the CSP blank a colour unnoticed.
 */
export function stylesToClasses(declarations: ReadonlySet<string>): ShikiTransformer {
	const visit = (node: Root | Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			const style = child.properties.style;
			if (typeof style === 'string') {
				const classes = style
					.split(';')
					.filter((declaration) => declaration.trim())
					.map((declaration) => {
						const normalised = normaliseDeclaration(declaration);
						if (!declarations.has(normalised)) {
							throw new Error(
								`Shiki wrote the style "${normalised}", which has no class: add it to src/lib/markdown/code-highlighting.ts`,
							);
						}
						return classOf(normalised);
					});
				delete child.properties.style;
				addClassToHast(child, classes);
			}
			visit(child);
		}
	};
	return { name: 'edelweiss:styles-to-classes', root: visit };
}

/** `title="deploy.sh"` (or single quotes) in a code block's meta: the file the code is from. */
export function codeBlockTitle(meta: string | undefined): string | undefined {
	return (
		/(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/
			.exec(meta ?? '')
			?.slice(1)
			.find((value) => value !== undefined) || undefined
	);
}

/**
 * A Shiki transformer for a titled block (`` ```sh title="deploy.sh" ``): the block becomes
 * `<figure class="code-block">` with the title as its `<figcaption class="code-title">`.
 */
export function transformerCodeTitle(): ShikiTransformer {
	return {
		name: 'edelweiss:code-title',
		root(root) {
			const title = codeBlockTitle(this.options.meta?.__raw);
			if (!title) return;
			const caption: Element = {
				type: 'element',
				tagName: 'figcaption',
				properties: { className: ['code-title'] },
				children: [{ type: 'text', value: title }],
			};
			const figure: Element = {
				type: 'element',
				tagName: 'figure',
				properties: { className: ['code-block'] },
				children: [caption, ...(root.children as Element[])],
			};
			root.children = [figure];
		},
	};
}

/**
 * What code blocks in notes can say besides their code, with Shiki's own transformers: line
 * highlights in the meta (`` ```js {2,4-5} ``), highlight and diff markers in comments
 * (`// [!code highlight]`, `// [!code ++]`, `// [!code --]`) and a file name (`title="…"`).
 * Both Markdown pipelines run them; `stylesToClasses` comes after them.
 */
export const codeBlockTransformers = (): ShikiTransformer[] => [
	transformerMetaHighlight(),
	transformerNotationHighlight(),
	transformerNotationDiff(),
	transformerCodeTitle(),
];

/** Exactly the classes and elements `codeBlockTransformers` write, for the content sanitiser to allow. */
export const codeBlockMarkup = {
	pre: ['has-highlighted', 'has-diff'],
	span: ['highlighted', 'diff', 'add', 'remove'],
	figure: ['code-block'],
	figcaption: ['code-title'],
} as const;
