import Aside from './Aside.astro';
import TalkCard from './TalkCard.astro';
import type { MdxComponentName } from './names';

/** The components MDX authors may use without importing them (documented in CONTRIBUTING.md). */
export const mdxComponents = { Aside, TalkCard } satisfies Record<MdxComponentName, unknown>;
