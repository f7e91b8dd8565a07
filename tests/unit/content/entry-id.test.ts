import { describe, expect, it } from 'vitest';
import { asciiId, contentExtensions, entryIdFromPath, isEntryId, isCollectionFilePath } from '#lib/content/entry-id.ts';

describe('entry ids', () => {
	it('is the path without extension, each folder and name slugged as Astro slugs them', () => {
		expect(entryIdFromPath('natanael-copa.md')).toBe('natanael-copa');
		expect(entryIdFromPath('2021/Ifupdown-NG.mdx')).toBe('2021/ifupdown-ng');
		expect(entryIdFromPath('fosdem-2020\\Linux Kernel.MD')).toBe('fosdem-2020/linux-kernel');
	});

	it('strips only the content extensions, Markdown and MDX', () => {
		expect(contentExtensions).toEqual(['.md', '.mdx']);
		expect(entryIdFromPath('notes/v1.2-release.md')).toBe('notes/v12-release');
	});

	it.each([
		['natanael-copa', true],
		['fosdem-2020/linux-kernel', true],
		['///tmp/pwned', false],
		['../x', false],
		['Demo Con', false],
		['café', false],
		['a--b', false],
		['', false],
	])('%s is a valid id: %s', (id, valid) => {
		expect(isEntryId(id)).toBe(valid);
	});

	it('makes ASCII ids as CONTRIBUTING asks, capped at a word', () => {
		expect(asciiId('Über Café: the 2nd!', 80)).toBe('uber-cafe-the-2nd');
		expect(asciiId('../../../tmp/pwned', 80)).toBe('tmp-pwned');
		expect(asciiId('量子計算機', 80)).toBe('');
		expect(asciiId('!!!', 80)).toBe('');
		expect(asciiId('one two three four', 12)).toBe('one-two');
		expect(asciiId('x'.repeat(100), 12)).toBe('x'.repeat(12));
	});
});

describe('isCollectionFilePath', () => {
	it('accepts a content file inside its collection folder, in sub-folders too', () => {
		expect(isCollectionFilePath('talks/fosdem-2020/podman.md')).toBe(true);
		expect(isCollectionFilePath('recaps/a.mdx')).toBe(true);
	});

	it.each([
		'../README.md',
		'talks/../../x.md',
		'/etc/x.md',
		'talks/./x.md',
		'talks//x.md',
		'talks/.x.md',
		'talks/x.ts',
		'talks',
		'scripts/x.md',
		'talks\\..\\x.md',
		'',
	])('refuses %j', (file) => expect(isCollectionFilePath(file)).toBe(false));
});
