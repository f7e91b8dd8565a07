import Aside from './Aside.astro';
import TalkCard from './TalkCard.astro';

/** The components MDX authors may use without importing them (documented in CONTRIBUTING.md). */
export const mdxComponents = { Aside, TalkCard };
