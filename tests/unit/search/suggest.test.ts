import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '#lib/search/suggest.ts';

describe('closestMatches', () => {
	it('measures edits', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});
	it('suggests near misses and containing ids, best first', () => {
		expect(closestMatches('ada-lovelac', ['ada-lovelace', 'grace-hopper'])).toEqual([
			'ada-lovelace',
		]);
		expect(closestMatches('fosdem-2002', ['fosdem-2020', 'alpineconf-2021'])).toEqual([
			'fosdem-2020',
		]);
		expect(closestMatches('ncopa', ['ncopa-natanael', 'xe'])).toEqual(['ncopa-natanael']);
	});
	it('suggests nothing when nothing is close', () => {
		expect(closestMatches('zzz', ['ada-lovelace'])).toEqual([]);
	});
});
