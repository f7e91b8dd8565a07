import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { markdownBody } from '#lib/validation/frontmatter.ts';

/** The text of a Markdown node: its words, without links' addresses or emphasis marks. */
const textOf = (node: Nodes): string =>
	'value' in node && (node.type === 'text' || node.type === 'inlineCode')
		? node.value
		: 'children' in node
			? node.children.map(textOf).join('')
			: '';

/**
 * The opening of a person's biography, for a talk page to show beside the talk: the first
 * paragraph of the person's file as plain text, cut after a whole sentence, or at a word with
 * "…", within `maxLength` characters. Undefined for a person without one.
 */
export function bioOpening(fileText: string, maxLength = 220): string | undefined {
	const tree = fromMarkdown(markdownBody(fileText));
	const paragraph = tree.children.find((node) => node.type === 'paragraph');
	const text = paragraph ? textOf(paragraph).replace(/\s+/g, ' ').trim() : '';
	if (!text) return undefined;
	if (text.length <= maxLength) return text;
	const window = text.slice(0, maxLength);
	const sentenceEnd = Math.max(...['. ', '! ', '? '].map((mark) => window.lastIndexOf(mark)));
	if (sentenceEnd > maxLength / 3) return window.slice(0, sentenceEnd + 1);
	return `${window.slice(0, window.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
