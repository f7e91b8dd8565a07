/** The components MDX authors may use without importing them, so the checker can name a misspelt one. */
export const mdxComponentNames = ['Aside', 'TalkCard'] as const;
export type MdxComponentName = (typeof mdxComponentNames)[number];
