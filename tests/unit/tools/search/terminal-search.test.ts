import { describe, expect, it } from 'vitest';
import {
	describeUnknownFilter,
	excerptText,
	formatHits,
	hitsAsJson,
	parseSearchArgs,
	UsageError,
} from '#tools/search/terminal-search.ts';

describe('parseSearchArgs', () => {
	it('reads the query, repeatable filters and options', () => {
		expect(
			parseSearchArgs([
				'bare',
				'metal',
				'--type',
				'case-study',
				'--tag',
				'a',
				'--tag',
				'b',
				'--json',
				'--limit',
				'3',
				'--dist',
				'out',
			]),
		).toEqual({
			term: 'bare metal',
			filters: { type: ['case-study'], tag: ['a', 'b'] },
			newestFirst: false,
			limit: 3,
			json: true,
			dist: 'out',
		});
		expect(parseSearchArgs(['--event', 'fosdem-2020', '--newest'])).toMatchObject({
			term: '',
			filters: { event: ['fosdem-2020'] },
			newestFirst: true,
			dist: 'dist',
			limit: 10,
		});
		expect(parseSearchArgs(['--help'])).toBe('help');
	});
	it('refuses what it cannot run', () => {
		expect(() => parseSearchArgs([])).toThrow(
			new UsageError('expected a query or at least one filter'),
		);
		expect(() => parseSearchArgs(['x', '--colour', 'red'])).toThrow(/Unknown option '--colour'/);
		expect(() => parseSearchArgs(['x', '--limit', 'lots'])).toThrow(
			'--limit: expected a positive whole number, found "lots"',
		);
		expect(() => parseSearchArgs(['x', '--type'])).toThrow(UsageError);
	});
	it('suggests the value meant', () => {
		expect(
			describeUnknownFilter({
				key: 'event',
				written: 'fosdem-2002',
				known: ['fosdem-2020', 'alpineconf-2021'],
			}),
		).toBe('--event fosdem-2002: no such event in the index; did you mean fosdem-2020?');
		expect(describeUnknownFilter({ key: 'track', written: 'zzz', known: ['main'] })).toBe(
			'--track zzz: no such track in the index; known: main',
		);
	});
});

describe('printing results', () => {
	const result = {
		total: 3,
		hits: [
			{
				url: '/talks/podman/',
				title: 'Podman',
				type: 'Talk',
				event: 'FOSDEM 2020',
				date: '2020-02-01',
				excerpt: 'Run <mark>Podman</mark> &amp; pods',
				score: 9,
			},
			{
				url: '/people/sascha/',
				title: 'Sascha',
				type: 'Person',
				excerpt: 'Works on <mark>podman</mark>.',
				score: 3,
			},
		],
	};
	it('turns excerpts into text, marking the matched words', () => {
		expect(excerptText('Run <mark>Podman</mark> &amp; &lt;pods&gt;')).toBe('Run Podman & <pods>');
		expect(excerptText('Run <mark>Podman</mark>', (word) => `*${word}*`)).toBe('Run *Podman*');
	});
	it('lists title, type · event · date, URL and excerpt, with the count', () => {
		expect(formatHits(result)).toBe(
			[
				'1. Podman',
				'   Talk · FOSDEM 2020 · 2020-02-01',
				'   /talks/podman/',
				'   Run Podman & pods',
				'',
				'2. Sascha',
				'   Person',
				'   /people/sascha/',
				'   Works on podman.',
				'',
				'2 of 3 results',
			].join('\n'),
		);
		expect(formatHits({ total: 0, hits: [] })).toBe('No results.');
		expect(formatHits({ total: 1, hits: result.hits.slice(0, 1) })).toMatch(/\n1 result$/);
	});
	it('prints JSON with ranks and plain excerpts', () => {
		const json = JSON.parse(hitsAsJson(result));
		expect(json.total).toBe(3);
		expect(json.hits[0]).toEqual({
			rank: 1,
			url: '/talks/podman/',
			title: 'Podman',
			type: 'Talk',
			event: 'FOSDEM 2020',
			date: '2020-02-01',
			excerpt: 'Run Podman & pods',
			score: 9,
		});
	});
});
