import { describe, expect, it } from 'vitest';
import { formatLighthouseTable } from '#tools/bench/lighthouse.ts';

describe('formatLighthouseTable', () => {
	it('gives one row per page and names what held a score under 100', () => {
		const table = formatLighthouseTable([
			{
				label: 'home',
				path: '/',
				scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
				failing: [],
			},
			{
				label: 'search',
				path: '/search/?q=alpine',
				scores: { performance: 97, accessibility: 100, 'best-practices': 100, seo: 100 },
				failing: ['performance: Largest Contentful Paint'],
			},
		]);
		expect(table.split('\n').slice(0, 4)).toEqual([
			'| page | path | performance | accessibility | best practices | SEO |',
			'| --- | --- | ---: | ---: | ---: | ---: |',
			'| home | `/` | 100 | 100 | 100 | 100 |',
			'| search | `/search/?q=alpine` | 97 | 100 | 100 | 100 |',
		]);
		expect(table).toContain('- search: performance: Largest Contentful Paint');
	});
});
