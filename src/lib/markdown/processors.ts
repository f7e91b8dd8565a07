import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import { satteri, satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import remarkGfm from 'remark-gfm';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { elementRules, type ElementEdit, type ElementRule } from './element-rules';

/**
 * A change to a whole rendered document, run by both pipelines before anything else: a
 * sanitiser must see the content before the hub adds its own trusted markup.
 */
export type HastTransform = (tree: Root) => Root | void;

/**
 * `--` is an en dash and `---` an em dash: Sätteri's rule. unified's smartypants would make
 * `--` an em dash; "oldschool" makes it agree.
 */
const smartypants = { dashes: 'oldschool' } as const;

function applyEdit(element: Element, edit: ElementEdit) {
	for (const [name, value] of Object.entries(edit.properties ?? {})) {
		if (value === null) delete element.properties[name];
		else element.properties[name] = value;
	}
	if (edit.append) {
		const { tagName, properties, text } = edit.append;
		// Astro's heading-id pass ran before the rules here, so the text is not in the heading's title.
		element.children.push({
			type: 'element',
			tagName,
			properties,
			children: [{ type: 'text', value: text }],
		});
	}
}

/** An element rule as a rehype plugin. */
function rehypeRule(rule: ElementRule) {
	const visit = (node: Root | RootContent) => {
		if (node.type === 'element' && rule.tagNames.includes(node.tagName)) {
			const edit = rule.edit(node);
			if (edit) applyEdit(node, edit);
		}
		if ('children' in node) node.children.forEach(visit);
	};
	return () => (tree: Root) => visit(tree);
}

/** An element rule as a Sätteri visitor: only the named elements cross from Rust to JavaScript. */
function satteriRule(rule: ElementRule): HastPluginDefinition {
	return {
		name: rule.name,
		element: {
			filter: [...rule.tagNames],
			visit(element, context) {
				const edit = rule.edit(element);
				if (!edit) return;
				for (const [name, value] of Object.entries(edit.properties ?? {}))
					context.setProperty(element, name, value);
				if (edit.append) {
					const { tagName, properties, text } = edit.append;
					// Raw, not text: Astro's heading-id pass runs again after every plugin and reads a
					// heading's text nodes for the table of contents.
					const child = { type: 'raw', value: text } as const;
					context.appendChild(element, {
						type: 'element',
						tagName,
						properties,
						children: [child as unknown as ElementContent],
					});
				}
			},
		},
	};
}

/**
 * A whole-document transform as a Sätteri plugin. Sätteri's nodes are read-only views of a
 * Rust tree, so the transform gets a plain copy, which then replaces the document: this costs
 * a copy of every node, so keep per-element work in element rules.
 */
function satteriTransform(transform: HastTransform, index: number): HastPluginDefinition {
	return {
		name: `edelweiss-transform-${index}`,
		before(root, context) {
			const tree = JSON.parse(JSON.stringify(root)) as Root;
			context.replaceNode(root, transform(tree) ?? tree);
		},
	};
}

export interface MarkdownProcessorOptions {
	/** Whole-document transforms, run in both pipelines first, in order. */
	transforms?: readonly HastTransform[];
}

/**
 * The two Markdown pipelines of the hub, built from the same rules:
 * - `md`: Sätteri (Rust, Astro 7's default) for `.md`, nearly all the content: it renders about
 *   three times faster than unified (docs/benchmarks.md); GFM is built in;
 * - `mdx`: unified with remark-gfm for `.mdx` (recaps and notes with components), as before.
 * `tests/unit/markdown/processors.test.ts` renders every Markdown page of the fixtures and of
 * `content/` through both and compares the HTML.
 */
export function markdownProcessors({ transforms = [] }: MarkdownProcessorOptions = {}) {
	const hastPlugins: HastPluginEntry[] = [
		...transforms.map(satteriTransform),
		// Ids before the rules, so the anchors have something to point at; Astro's own pass at the end keeps them.
		() => satteriHeadingIdsPlugin(),
		...elementRules.map(satteriRule),
	];
	return {
		md: satteri({ hastPlugins, features: { gfm: true, smartPunctuation: true } }),
		mdx: unified({
			// remark-gfm explicitly, so MDX gets GFM whatever Astro's default.
			gfm: false,
			smartypants,
			remarkPlugins: [remarkGfm],
			rehypePlugins: [
				...transforms.map((transform) => () => transform),
				rehypeHeadingIds,
				...elementRules.map(rehypeRule),
			],
		}),
	};
}
