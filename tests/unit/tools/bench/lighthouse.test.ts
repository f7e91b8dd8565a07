import { describe, expect, it } from 'vitest';
import {
	formatLighthouseTable,
	medianRuns,
	type LighthouseResult,
} from '#tools/bench/lighthouse.ts';

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

describe('medianRuns', () => {
	const run = (path: string, performance: number, failing: string[] = []): LighthouseResult => ({
		label: path,
		path,
		scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
		failing,
	});

	it('keeps, for each page, the whole run with the median performance score', () => {
		const median = medianRuns([
			[run('/', 100), run('/search/', 71, ['performance: Total Blocking Time'])],
			[run('/', 75), run('/search/', 93, ['performance: Speed Index'])],
			[run('/', 99), run('/search/', 87, ['performance: Largest Contentful Paint'])],
		]);
		expect(
			median.map((result) => [result.path, result.scores.performance, result.failing]),
		).toEqual([
			['/', 99, []],
			['/search/', 87, ['performance: Largest Contentful Paint']],
		]);
	});

	it('takes the lower middle of an even number of runs, a score the machine gave', () => {
		expect(medianRuns([[run('/', 90)], [run('/', 80)]])[0]!.scores.performance).toBe(80);
	});

	it('refuses rounds that list different pages', () => {
		expect(() => medianRuns([[run('/', 90)], [run('/talks/', 80)]])).toThrow(
			'the rounds do not list the same pages (/)',
		);
	});
});
