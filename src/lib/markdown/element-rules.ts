import type { Element, Properties } from 'hast';

/**
 * What the hub changes in rendered Markdown, one element at a time. Each rule is written once
 * here and run by both pipelines (`processors.ts`): as a rehype plugin for MDX and as a
 * Sätteri visitor for `.md`, so the two cannot drift apart.
 */
export interface ElementRule {
	name: string;
	/** The elements the rule looks at; Sätteri hands only these over from Rust. */
	tagNames: readonly string[];
	edit(element: Readonly<Pick<Element, 'tagName' | 'properties'>>): ElementEdit | undefined;
}

export interface ElementEdit {
	/** Properties to set, by hast name (`ariaLabel`, `className`); `null` removes one. */
	properties?: Record<string, Properties[string] | null>;
	/**
	 * An element with plain text to add at the end, which does not count as the parent's text
	 * (a heading's anchor is not part of its title in the table of contents).
	 */
	append?: { tagName: string; properties: Properties; text: string };
}

/** GFM's visually hidden "Footnotes" heading needs no anchor (its id may carry the sanitiser's prefix). */
const isFootnoteLabel = (id: string) => id.endsWith('footnote-label');

/** A `#` link after each heading (its id set beforehand by Astro's heading-id pass). */
export const headingAnchors: ElementRule = {
	name: 'edelweiss-heading-anchors',
	tagNames: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
	edit({ properties }) {
		const id = properties?.id;
		if (typeof id !== 'string' || !id || isFootnoteLabel(id)) return undefined;
		const anchor = {
			className: ['heading-anchor'],
			ariaHidden: 'true',
			tabIndex: -1,
			dataPagefindIgnore: '',
			href: `#${id}`,
		};
		return { append: { tagName: 'a', properties: anchor, text: '#' } };
	},
};

/**
 * GFM task lists render unlabelled, disabled checkboxes, which screen readers announce as a
 * bare "checkbox" (axe: "Form elements must have labels"): each is named by its state.
 */
export const taskListLabels: ElementRule = {
	name: 'edelweiss-task-list-labels',
	tagNames: ['input'],
	edit({ properties }) {
		if (properties?.type !== 'checkbox' || properties.ariaLabel) return undefined;
		return { properties: { ariaLabel: properties.checked ? 'Done' : 'Not done' } };
	},
};

const absoluteUrl = /^[a-zA-Z][a-zA-Z\d+\-.]*?:/;
const webSchemes = ['http', 'https'];

/** Whether a link leaves the hub: an absolute http(s) URL or a protocol-relative one. */
export function isExternalHref(href: unknown): boolean {
	if (typeof href !== 'string') return false;
	return absoluteUrl.test(href)
		? webSchemes.includes(href.slice(0, href.indexOf(':')))
		: href.startsWith('//');
}

/** Links out of the hub pass on neither the opener nor the referrer. */
export const externalLinks: ElementRule = {
	name: 'edelweiss-external-links',
	tagNames: ['a'],
	edit: ({ properties }) =>
		isExternalHref(properties?.href)
			? { properties: { rel: ['noopener', 'noreferrer'] } }
			: undefined,
};

/** The column alignments GFM writes, each a class of the site's stylesheet (`.align-center`). */
const alignments = ['left', 'center', 'right'];

/**
 * GFM column alignment as a class: remark-gfm writes an `align` attribute, which HTML no longer
 * has, and Sätteri a `style`, which the Content-Security-Policy blocks (no inline styles).
 */
export const tableAlignment: ElementRule = {
	name: 'edelweiss-table-alignment',
	tagNames: ['th', 'td'],
	edit({ properties }) {
		const style =
			typeof properties?.style === 'string'
				? /^\s*text-align:\s*([a-z]+);?\s*$/.exec(properties.style)?.[1]
				: undefined;
		const align = typeof properties?.align === 'string' ? properties.align : style;
		if (!align) return undefined;
		const className = alignments.includes(align) ? [`align-${align}`] : null;
		return { properties: { align: null, style: null, className } };
	},
};

/** In the order they run, after heading ids are set. */
export const elementRules: readonly ElementRule[] = [
	headingAnchors,
	taskListLabels,
	externalLinks,
	tableAlignment,
];
