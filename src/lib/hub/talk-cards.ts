import { scanBody } from '#lib/validation/body.ts';
import { markdownBody } from '#lib/validation/frontmatter.ts';

/** The id of a `<TalkCard>` on the page that embeds it, so links can land on the card. */
export const talkCardAnchor = (talkId: string) => `talk-${talkId.replaceAll('/', '--')}`;

/**
 * The talks whose `<TalkCard id="…" />` an MDX file embeds, from its source text. Plain Markdown
 * cannot embed components, so only `.mdx` files are read.
 */
export function talkCardIds(file: string, text: string): string[] {
	if (!file.endsWith('.mdx')) return [];
	const body = markdownBody(text);
	return [...new Set(scanBody(file, body, 1, 'mdx').talkCards.map((card) => card.id))];
}
