import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';

/** Something that looks like an HTML element, a closing tag or a character reference. */
const htmlLike = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/**
 * GitHub's allow-list without images (a page must not load anything from elsewhere unasked),
 * dropping the text of styles as well as scripts.
 */
const schema: Schema = {
	...defaultSchema,
	tagNames: defaultSchema.tagNames!.filter((name) => name !== 'img'),
	strip: [...(defaultSchema.strip ?? []), 'style'],
};

const absoluteUrl = /^(https?:|mailto:)/i;

/**
 * Relative links meant the schedule's own site: they are resolved against the talk's page
 * there, as a reader of the original would follow them. Without that page, and where the
 * sanitiser removed the URL (`javascript:`), a link keeps its text only.
 */
function settleLinks(node: MdastNodes, baseUrl: string | undefined): void {
	if (!('children' in node)) return;
	node.children = node.children.flatMap((child) => {
		if (child.type !== 'link' || absoluteUrl.test(child.url)) return [child];
		if (!child.url || !baseUrl) return child.children;
		child.url = new URL(child.url, baseUrl).href;
		return [child];
	}) as typeof node.children;
	for (const child of node.children) settleLinks(child, baseUrl);
}

/**
 * Turns an abstract from a schedule into clean Markdown. HTML (escaped in frab XML, raw in some
 * pretalx exports) goes through a sanitiser (GitHub's allow-list without images: no scripts,
 * styles, event handlers or `javascript:` links) and is converted, so no raw HTML reaches a page;
 * relative links are resolved against `baseUrl`, the talk's page in the schedule. Text without
 * markup is taken as the Markdown pretalx writes, with its CRLFs normalised.
 */
export function scheduleTextToMarkdown(text: string | undefined, baseUrl?: string): string {
	if (!text) return '';
	const normalised = text.replace(/\r\n?/g, '\n').trim();
	if (!htmlLike.test(normalised)) return normalised;
	const hast = sanitize(fromHtml(normalised, { fragment: true }), schema) as HastRoot;
	const mdast = toMdast(hast) as MdastRoot;
	settleLinks(mdast, baseUrl);
	return toMarkdown(mdast, { bullet: '-', emphasis: '_', rule: '-' }).trim();
}

/** The first paragraph of a Markdown text as plain words, at most `limit` characters. */
export function plainSummary(markdown: string, limit = 280): string | undefined {
	const paragraph = markdown.split(/\n\s*\n/).find((block) => /\w/.test(block));
	if (!paragraph) return undefined;
	const plain = paragraph
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`#>\\]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (plain.length <= limit) return plain || undefined;
	const cut = plain.slice(0, limit);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2)).trimEnd()}…`;
}
