import { describe, expect, it } from 'vitest';
import { contentExtensions, entryIdFromPath } from '../../src/lib/entry-id';

describe('entryIdFromPath', () => {
	it('is the path without extension, each folder and name slugged as Astro slugs them', () => {
		expect(entryIdFromPath('natanael-copa.md')).toBe('natanael-copa');
		expect(entryIdFromPath('2021/Ifupdown-NG.mdx')).toBe('2021/ifupdown-ng');
		expect(entryIdFromPath('fosdem-2020\\Linux Kernel.MD')).toBe('fosdem-2020/linux-kernel');
	});

	it('strips only the content extensions, Markdown and MDX', () => {
		expect(contentExtensions).toEqual(['.md', '.mdx']);
		expect(entryIdFromPath('notes/v1.2-release.md')).toBe('notes/v12-release');
	});
});
