import { fromHtml } from 'hast-util-from-html';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import type { Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { contentSchema } from '#lib/markdown/sanitize.ts';

/** How a schedule writes its texts: frab XML carries (escaped) HTML, pretalx and frab JSON Markdown. */
export type ScheduleTextFormat = 'html' | 'markdown';

/**
 * The content allow-list (`src/lib/markdown/sanitize.ts`) without images, so an imported page
 * loads nothing from elsewhere, and without Shiki's styles, which imported text never has.
 */
const schema: Schema = (() => {
	const base = contentSchema();
	const withoutImages = new Set(['img', 'picture', 'source']);
	return {
		...base,
		tagNames: base.tagNames!.filter((name) => !withoutImages.has(name)),
		attributes: { ...base.attributes, pre: [], span: [] },
	};
})();

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

/** Parses text as the schedule means it, into one HTML tree: Markdown with its raw HTML, or HTML. */
function parse(text: string, format: ScheduleTextFormat): HastRoot {
	if (format === 'html') return fromHtml(text, { fragment: true });
	const mdast = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
	return raw(toHast(mdast, { allowDangerousHtml: true }) as HastRoot) as HastRoot;
}

/**
 * Turns an abstract from a schedule into clean Markdown. The text is always parsed into a tree
 * (HTML, or Markdown with any HTML in it) and sanitised with the content allow-list minus
 * images: no scripts, styles, event handlers, custom elements or `javascript:`/`data:` links
 * survive, and no raw HTML reaches a page. Relative links are resolved against `baseUrl`, the
 * talk's page in the schedule.
 */
export function scheduleTextToMarkdown(
	text: string | undefined,
	format: ScheduleTextFormat,
	baseUrl?: string,
): string {
	if (!text) return '';
	const normalised = text.replace(/\r\n?/g, '\n').trim();
	const hast = sanitize(parse(normalised, format), schema) as HastRoot;
	const mdast = toMdast(hast) as MdastRoot;
	settleLinks(mdast, baseUrl);
	return toMarkdown(mdast, {
		bullet: '-',
		emphasis: '_',
		rule: '-',
		extensions: [gfmToMarkdown()],
	}).trim();
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
