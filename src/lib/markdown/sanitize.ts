import { randomUUID } from 'node:crypto';
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import type {
	MdxJsxAttribute,
	MdxJsxExpressionAttribute,
	MdxJsxFlowElementHast,
	MdxJsxTextElementHast,
} from 'mdast-util-mdx-jsx';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { VFile } from 'vfile';
import { isMdxComponentName, refusedAttribute } from '#components/mdx/names.ts';
import { codeBlockMarkup, codeThemes, highlightClassPattern } from './code-highlighting';
import type { Position } from '#lib/content/text-file.ts';

/** More HTML a site may allow in its content, on top of the default allow-list (`src/site.config.ts`). */
export interface HtmlAllowance {
	/** Element names, e.g. `['abbr', 'mark']`. */
	tagNames?: readonly string[];
	/** Attributes by element name (`*` for all), as hast property names: `{ '*': ['className'] }`. */
	attributes?: Readonly<Record<string, readonly string[]>>;
}

/** Something the sanitiser removed, where the content file has it. */
export interface Removal {
	/**
	 * `code`: MDX that would run at build time; `html`: markup outside the allow-list; `component`:
	 * an unknown one; `attribute`: one an author component does not accept (`set:html`, `slot`…).
	 */
	kind: 'code' | 'html' | 'component' | 'attribute';
	position?: Position | undefined;
	/** What was removed, for a contributor: `<meta>`, `attribute style on <div>`, `link javascript:…`. */
	what: string;
}

/** Stands in for an author component (`<Aside>`) while the library sanitises around it. */
const componentPlaceholder = 'x-edelweiss-component';

/** Highlighted code's classes: Shiki's (its themes' names) and the colours `stylesToClasses` wrote. */
const highlightClasses = [...Object.values(codeThemes), highlightClassPattern];

/**
 * The allow-list for content: GitHub's (tables, `details`, `kbd`, `sup`, footnotes, task
 * lists…) with links only to http(s) and mailto, images also from `data:`, no `style` (highlighted
 * code's colours are classes), and ids and names prefixed `user-content-` so content cannot take over the
 * page's own. Scripts and styles go with their text; unknown elements leave their text.
 */
export function contentSchema(allowance: HtmlAllowance = {}): Schema {
	const attributes: NonNullable<Schema['attributes']> = { ...defaultSchema.attributes };
	const add = (name: string, ...definitions: NonNullable<Schema['attributes']>[string]) => {
		attributes[name] = [...(attributes[name] ?? []), ...definitions];
	};
	add(
		'pre',
		['className', 'astro-code', 'astro-code-themes', ...highlightClasses, ...codeBlockMarkup.pre],
		'dataLanguage',
	);
	add('span', ['className', 'line', ...highlightClasses, ...codeBlockMarkup.span]);
	// A titled code block (codeBlockTransformers): its figure and caption, with their classes only.
	add('figure', ['className', ...codeBlockMarkup.figure]);
	add('figcaption', ['className', ...codeBlockMarkup.figcaption]);
	// Sätteri writes GFM column alignment as a style; an element rule makes it a class.
	for (const cell of ['th', 'td']) add(cell, ['style', /^text-align: (left|center|right);?$/]);
	add(componentPlaceholder, 'dataComponent');
	for (const [name, extra] of Object.entries(allowance.attributes ?? {})) add(name, ...extra);
	return {
		...defaultSchema,
		tagNames: [
			...defaultSchema.tagNames!,
			'figure',
			'figcaption',
			componentPlaceholder,
			...(allowance.tagNames ?? []),
		],
		attributes,
		protocols: {
			...defaultSchema.protocols,
			href: ['http', 'https', 'mailto'],
			src: ['http', 'https', 'data'],
		},
		strip: [
			'script',
			'style',
			'template',
			'noscript',
			'iframe',
			'object',
			'embed',
			'textarea',
			'title',
			'xmp',
			'noembed',
			'noframes',
		],
	};
}

type MdxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type AnyNode =
	Nodes | MdxElement | { type: string; position?: Nodes['position']; children?: unknown[] };

const positionOf = (node: { position?: Nodes['position'] }): Position | undefined =>
	node.position
		? { line: node.position.start.line, column: node.position.start.column }
		: undefined;

const isMdxElement = (node: AnyNode): node is MdxElement =>
	node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** An MDX expression `{…}` that holds only comments (`{/* note *\/}`) renders nothing and runs nothing. */
function isCommentOnly(node: AnyNode): boolean {
	const program = (node as { data?: { estree?: { body?: unknown[] } } }).data?.estree;
	return Array.isArray(program?.body) && program.body.length === 0;
}

/** Literal attributes of an MDX element as hast properties; expression and spread attributes are removed. */
function literalProperties(node: MdxElement, removals: Removal[]): Properties {
	const properties: Properties = {};
	for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
		if (
			attribute.type === 'mdxJsxAttribute' &&
			(attribute.value === null ||
				attribute.value === undefined ||
				typeof attribute.value === 'string')
		) {
			properties[find(html, attribute.name).property] = attribute.value ?? true;
		} else {
			const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
			removals.push({
				kind: 'code',
				position: positionOf(attribute) ?? positionOf(node),
				what: `JavaScript in attribute ${name} of <${node.name}>`,
			});
		}
	}
	return properties;
}

/**
 * Turns MDX nodes into what the HTML sanitiser understands: imports, exports and expressions are
 * removed (they run at build time), HTML written as JSX becomes elements, and author components
 * become placeholders that remember them.
 */
function replaceMdx(
	children: AnyNode[],
	components: Map<string, MdxElement>,
	nonce: string,
	removals: Removal[],
): AnyNode[] {
	return children.flatMap((child): AnyNode[] => {
		if (child.type === 'mdxjsEsm') {
			removals.push({
				kind: 'code',
				position: positionOf(child),
				what: 'import or export statement',
			});
			return [];
		}
		if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') {
			if (!isCommentOnly(child))
				removals.push({
					kind: 'code',
					position: positionOf(child),
					what: 'JavaScript expression {…}',
				});
			return [];
		}
		const inner =
			'children' in child && Array.isArray(child.children)
				? replaceMdx(child.children as AnyNode[], components, nonce, removals)
				: undefined;
		if (!isMdxElement(child)) return [inner ? ({ ...child, children: inner } as AnyNode) : child];
		// A fragment `<>…</>` is only its children.
		if (!child.name) return inner ?? [];
		const properties = literalProperties(child, removals);
		if (/^[A-Z]/.test(child.name)) {
			if (!isMdxComponentName(child.name)) {
				removals.push({
					kind: 'component',
					position: positionOf(child),
					what: `unknown component <${child.name}>`,
				});
				return inner ?? [];
			}
			const component = child.name;
			const key = `${nonce}-${components.size}`;
			// Only the attributes the component declares: Astro's runtime turns `set:html` on anything into raw HTML.
			const attributes = child.attributes.filter((attribute) => {
				if (
					attribute.type !== 'mdxJsxAttribute' ||
					(attribute.value != null && typeof attribute.value !== 'string')
				)
					return false;
				const refused = refusedAttribute(component, attribute.name, attribute.value ?? null);
				if (refused)
					removals.push({
						kind: 'attribute',
						position: positionOf(attribute) ?? positionOf(child),
						what: refused,
					});
				return !refused;
			});
			components.set(key, { ...child, attributes, children: [] });
			return [
				{
					type: 'element',
					tagName: componentPlaceholder,
					properties: { dataComponent: key },
					children: (inner ?? []) as ElementContent[],
					position: child.position,
				} satisfies Element,
			];
		}
		return [
			{
				type: 'element',
				tagName: child.name,
				properties,
				children: (inner ?? []) as ElementContent[],
				position: child.position,
			} satisfies Element,
		];
	});
}

/** Puts the author components back where their placeholders survived; forged placeholders keep only their text. */
function restoreComponents(
	children: RootContent[],
	components: Map<string, MdxElement>,
): RootContent[] {
	return children.flatMap((child): RootContent[] => {
		if (child.type !== 'element') return [child];
		const inner = restoreComponents(child.children, components) as ElementContent[];
		if (child.tagName !== componentPlaceholder) return [{ ...child, children: inner }];
		const component = components.get(String(child.properties.dataComponent));
		return component ? [{ ...component, children: inner } as unknown as RootContent] : inner;
	});
}

/** Explains, before the library removes them, which elements, attributes and links an allow-list refuses. */
function explainRemovals(node: Nodes, schema: Schema, removals: Removal[]): void {
	if (node.type === 'element') {
		const name = node.tagName;
		if (schema.strip?.includes(name)) {
			removals.push({
				kind: 'html',
				position: positionOf(node),
				what: `<${name}> with its content`,
			});
			return;
		}
		if (!schema.tagNames?.includes(name))
			removals.push({
				kind: 'html',
				position: positionOf(node),
				what: `<${name}>${node.children.length ? ' (its text stays)' : ''}`,
			});
		else {
			const definitions = [
				...(schema.attributes?.[name] ?? []),
				...(schema.attributes?.['*'] ?? []),
			];
			for (const [property, value] of Object.entries(node.properties)) {
				if (value === undefined || value === null) continue;
				const attribute = find(html, property).attribute;
				const allowed = definitions.filter(
					(definition) =>
						(typeof definition === 'string' ? definition : definition[0]) === property,
				);
				// `[name, ...values]` allows only those values (highlighted code's classes, task-list classes).
				const values = allowed.some(
					(definition) => typeof definition === 'string' || definition.length === 1,
				)
					? undefined
					: allowed.flatMap((definition) =>
							typeof definition === 'string' ? [] : definition.slice(1),
						);
				const refused = (item: unknown) =>
					values !== undefined &&
					!values.some((allowedValue) =>
						allowedValue instanceof RegExp
							? allowedValue.test(String(item))
							: allowedValue === item,
					);
				if (!allowed.length || (Array.isArray(value) ? value.some(refused) : refused(value))) {
					removals.push({
						kind: 'html',
						position: positionOf(node),
						what: `attribute ${attribute}${allowed.length ? `="${String(value).slice(0, 40)}"` : ''} on <${name}>`,
					});
					continue;
				}
				const protocols = schema.protocols?.[property];
				const url = String(value);
				if (protocols && !isAllowedUrl(url, protocols)) {
					removals.push({
						kind: 'html',
						position: positionOf(node),
						what: `${attribute}="${url.length > 40 ? `${url.slice(0, 40)}…` : url}" on <${name}>`,
					});
				}
			}
		}
	}
	if ('children' in node)
		for (const child of node.children) explainRemovals(child, schema, removals);
}

/** Whether a URL is relative or uses one of `protocols`: the library's own test, for explaining it. */
export function isAllowedUrl(url: string, protocols: readonly string[]): boolean {
	const colon = url.indexOf(':');
	const before = (character: string) => {
		const index = url.indexOf(character);
		return index > -1 && colon > index;
	};
	if (colon < 0 || before('/') || before('?') || before('#')) return true;
	return protocols.some((protocol) => colon === protocol.length && url.startsWith(protocol));
}

/** `href="#fn-1"` follows its target once the sanitiser prefixed the target's id (`user-content-fn-1`). */
function followPrefixedIds(tree: Root, prefix: string): void {
	const ids = new Set<string>();
	const anchors: Element[] = [];
	const walk = (node: Nodes) => {
		if (node.type === 'element') {
			if (typeof node.properties.id === 'string') ids.add(node.properties.id);
			if (
				node.tagName === 'a' &&
				typeof node.properties.href === 'string' &&
				node.properties.href.startsWith('#')
			)
				anchors.push(node);
		}
		if ('children' in node) node.children.forEach(walk);
	};
	walk(tree);
	for (const anchor of anchors) {
		const target = decodeURIComponent(String(anchor.properties.href).slice(1));
		if (!ids.has(target) && ids.has(`${prefix}${target}`))
			anchor.properties.href = `#${prefix}${target}`;
	}
}

/**
 * Plugins before the sanitiser (Shiki) write properties as HTML attributes (`class`,
 * `tabindex`); the allow-list speaks hast (`className`, `tabIndex`). Without this, highlighted
 * code lost its classes whenever a body had no raw HTML to re-parse it.
 */
function normaliseProperties(node: Nodes): void {
	if (node.type === 'element') {
		node.properties = Object.fromEntries(
			Object.entries(node.properties).map(([key, value]) => {
				const info = find(html, key);
				return [
					info.property,
					info.spaceSeparated && typeof value === 'string'
						? value.split(/\s+/).filter(Boolean)
						: value,
				];
			}),
		);
	}
	if ('children' in node) node.children.forEach(normaliseProperties);
}

const hasType = (node: AnyNode, types: readonly string[]): boolean =>
	types.includes(node.type) ||
	('children' in node &&
		Array.isArray(node.children) &&
		(node.children as AnyNode[]).some((child) => hasType(child, types)));

/**
 * Sanitises the hast tree of one Markdown or MDX body with an allow-list and says what it
 * removed: raw HTML is parsed (never judged by regex), MDX code is removed, elements and
 * attributes outside the list go, and links keep only safe schemes. Author components stay.
 */
export function sanitizeContentTree(
	tree: Root,
	schema: Schema,
): { tree: Root; removals: Removal[] } {
	const removals: Removal[] = [];
	const components = new Map<string, MdxElement>();
	const nonce = randomUUID();
	let prepared: Root = {
		...tree,
		children: replaceMdx(tree.children as AnyNode[], components, nonce, removals) as RootContent[],
	};
	// With a file, the parser keeps each element's line: the content check reports removals there.
	if (hasType(prepared, ['raw'])) prepared = raw(prepared, { file: new VFile() }) as Root;
	normaliseProperties(prepared);
	explainRemovals(prepared, schema, removals);
	const clean = sanitize(prepared, schema) as Root;
	clean.children = restoreComponents(clean.children, components);
	if (schema.clobberPrefix) followPrefixedIds(clean, schema.clobberPrefix);
	return { tree: clean, removals };
}

export interface SanitiseOptions {
	/** What the site allows beyond the default list (`siteConfig.contentHtml`). */
	html?: HtmlAllowance | undefined;
}

/**
 * The rehype plugin: sanitises every Markdown and MDX body of the build, whatever the content
 * check said, so code in content never runs and unsafe HTML never reaches a page.
 */
export function rehypeSanitizeContent({ html: allowance }: SanitiseOptions = {}) {
	const schema = contentSchema(allowance);
	return (tree: Root): Root => sanitizeContentTree(tree, schema).tree;
}
