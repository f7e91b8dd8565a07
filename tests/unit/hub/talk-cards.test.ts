import { describe, expect, it } from 'vitest';
import { talkCardAnchor, talkCardIds } from '#lib/hub/talk-cards.ts';

describe('talkCardIds', () => {
	const source = `---
title: A recap
talks: [podman, "2021/ifupdown-ng"]
---

Intro.

<TalkCard id="podman" />

More, then the same card again and another:

<TalkCard id="podman" />
<TalkCard id="2021/ifupdown-ng" />
`;
	it('lists the talks an MDX body embeds, once each, ignoring the front matter', () => {
		expect(talkCardIds('recap.mdx', source)).toEqual(['podman', '2021/ifupdown-ng']);
	});
	it('finds none in plain Markdown', () => {
		expect(talkCardIds('note.md', source)).toEqual([]);
	});
	it('makes an id usable as a fragment', () => {
		expect(talkCardAnchor('2021/ifupdown-ng')).toBe('talk-2021--ifupdown-ng');
	});
});
