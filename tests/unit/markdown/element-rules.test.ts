import { describe, expect, it } from 'vitest';
import {
	externalLinks,
	headingAnchors,
	isExternalHref,
	tableAlignment,
	taskListLabels,
} from '#lib/markdown/element-rules.ts';

const element = (tagName: string, properties: Record<string, unknown>) =>
	({ tagName, properties }) as Parameters<typeof headingAnchors.edit>[0];

describe('headingAnchors', () => {
	it('appends a hidden # link to a heading with an id, but not to the footnotes label', () => {
		expect(headingAnchors.edit(element('h2', { id: 'tables' }))?.append).toEqual({
			tagName: 'a',
			properties: {
				className: ['heading-anchor'],
				ariaHidden: 'true',
				tabIndex: -1,
				dataPagefindIgnore: '',
				href: '#tables',
			},
			text: '#',
		});
		expect(headingAnchors.edit(element('h2', {}))).toBeUndefined();
		expect(headingAnchors.edit(element('h2', { id: 'footnote-label' }))).toBeUndefined();
		expect(
			headingAnchors.edit(element('h2', { id: 'user-content-footnote-label' })),
		).toBeUndefined();
	});
});

describe('taskListLabels', () => {
	it('names each task-list checkbox by its state, and leaves other inputs and given names alone', () => {
		expect(
			taskListLabels.edit(element('input', { type: 'checkbox', checked: true }))?.properties,
		).toEqual({ ariaLabel: 'Done' });
		expect(taskListLabels.edit(element('input', { type: 'checkbox' }))?.properties).toEqual({
			ariaLabel: 'Not done',
		});
		expect(
			taskListLabels.edit(element('input', { type: 'checkbox', ariaLabel: 'Mine' })),
		).toBeUndefined();
		expect(taskListLabels.edit(element('input', { type: 'text' }))).toBeUndefined();
	});
});

describe('externalLinks', () => {
	it('gives links that leave the hub rel="noopener noreferrer", and only those', () => {
		expect(externalLinks.edit(element('a', { href: 'https://example.org' }))?.properties).toEqual({
			rel: ['noopener', 'noreferrer'],
		});
		expect(externalLinks.edit(element('a', { href: '/talks/' }))).toBeUndefined();
	});

	it('decides what is external as rehype-external-links did', () => {
		expect(isExternalHref('https://a.example')).toBe(true);
		expect(isExternalHref('//a.example')).toBe(true);
		expect(isExternalHref('HTTP://a.example')).toBe(false);
		expect(isExternalHref('c:\\file')).toBe(false);
		expect(isExternalHref('mailto:a@b.example')).toBe(false);
		expect(isExternalHref(undefined)).toBe(false);
	});
});

describe('tableAlignment', () => {
	it("turns remark-gfm's align attribute and Sätteri's style into a class, as the CSP allows no inline style", () => {
		expect(tableAlignment.edit(element('td', { align: 'center' }))?.properties).toEqual({
			align: null,
			style: null,
			className: ['align-center'],
		});
		expect(tableAlignment.edit(element('th', { style: 'text-align: right' }))?.properties).toEqual({
			align: null,
			style: null,
			className: ['align-right'],
		});
		expect(tableAlignment.edit(element('td', {}))).toBeUndefined();
	});
});
