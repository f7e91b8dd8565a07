import { describe, expect, it } from 'vitest';
import { trackSlug } from '#lib/view/track-slug.ts';

describe('trackSlug', () => {
	it('writes a track as ASCII words joined by single hyphens', () => {
		expect(trackSlug('Café & Co')).toBe('cafe-and-co');
		expect(trackSlug('Free Java')).toBe('free-java');
		expect(trackSlug('日本語')).toBe('');
	});
	it('sees a track renamed only in spelling as one', () => {
		expect(trackSlug('HPC, Big Data & Data Science devroom')).toBe(
			trackSlug('HPC, Big Data, and Data Science'),
		);
		expect(trackSlug('HPC, Big Data & Data Science devroom')).toBe('hpc-big-data-and-data-science');
		expect(trackSlug('Javascript')).toBe(trackSlug('JavaScript devroom'));
		expect(trackSlug('Python Devroom devroom')).toBe('python');
		expect(trackSlug('Devroom')).toBe('devroom');
		expect(trackSlug('Containers')).not.toBe(trackSlug('Containers and Security'));
	});
});
