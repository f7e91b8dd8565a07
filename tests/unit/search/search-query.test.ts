import { describe, expect, it } from 'vitest';
import {
	activeFilterCount,
	describeUnknownFilterValue,
	paramsFromSearchState,
	resolveFilters,
	resolveFilterValue,
	searchStateFromParams,
} from '#lib/search/search-query.ts';

const keys = ['type', 'event', 'year', 'tag', 'speaker', 'track'];
const available = {
	type: { Talk: 5, 'Case study': 1 },
	event: { 'FOSDEM 2020': 4, 'AlpineConf 2021': 4 },
	speaker: { 'Sascha Grunert': 2 },
	tag: { containers: 3, ostree: 1 },
	track: { 'Café & Co': 2, 'HPC, Big Data & Data Science': 1 },
};

describe('search state in URLs and on the command line', () => {
	it('finds index values by their slug or in full', () => {
		expect(resolveFilterValue(available, 'event', 'fosdem-2020')).toBe('FOSDEM 2020');
		expect(resolveFilterValue(available, 'event', 'FOSDEM 2020')).toBe('FOSDEM 2020');
		expect(resolveFilterValue(available, 'type', 'case-study')).toBe('Case study');
		expect(resolveFilterValue(available, 'event', 'fosdem-2021')).toBeUndefined();
		expect(resolveFilterValue(available, 'track', 'main')).toBeUndefined();
	});
	it('writes a track as its one slug, and still reads the slug it had before', () => {
		const params = paramsFromSearchState(
			{
				term: '',
				filters: { track: ['Café & Co', 'HPC, Big Data & Data Science'] },
				newestFirst: false,
			},
			keys,
		);
		expect(params.toString()).toBe('track=cafe-and-co&track=hpc-big-data-and-data-science');
		expect(resolveFilterValue(available, 'track', 'café--co')).toBe('Café & Co');
		expect(resolveFilterValue(available, 'track', 'hpc-big-data--data-science')).toBe(
			'HPC, Big Data & Data Science',
		);
	});
	it('reads a shared URL, keeping unknown values apart', () => {
		const params = new URLSearchParams(
			'q=podman&type=talk&event=fosdem-2020&tag=containers&tag=ostree&speaker=nobody&sort=date&utm=x',
		);
		const { state, unknown } = searchStateFromParams(params, available, keys);
		expect(state).toEqual({
			term: 'podman',
			filters: { type: ['Talk'], event: ['FOSDEM 2020'], tag: ['containers', 'ostree'] },
			newestFirst: true,
		});
		expect(unknown).toEqual([{ key: 'speaker', written: 'nobody', known: ['sascha-grunert'] }]);
		expect(describeUnknownFilterValue(unknown[0]!)).toBe(
			'speaker "nobody" (known: sascha-grunert)',
		);
	});
	it('writes a search as short, stable URL parameters', () => {
		const params = paramsFromSearchState(
			{
				term: ' podman ',
				filters: { event: ['FOSDEM 2020'], type: ['Talk'], tag: ['containers', 'ostree'] },
				newestFirst: false,
			},
			keys,
		);
		expect(params.toString()).toBe(
			'q=podman&type=talk&event=fosdem-2020&tag=containers&tag=ostree',
		);
		expect(
			paramsFromSearchState({ term: '', filters: {}, newestFirst: true }, keys).toString(),
		).toBe('sort=date');
	});
	it('round-trips through the URL', () => {
		const state = {
			term: 'bare metal',
			filters: { type: ['Case study'], speaker: ['Sascha Grunert'] },
			newestFirst: false,
		};
		expect(
			searchStateFromParams(paramsFromSearchState(state, keys), available, keys).state,
		).toEqual(state);
	});
	it('resolves command-line filters the same way', () => {
		expect(resolveFilters(available, { type: ['talk'], event: ['alpineconf-2021'] })).toEqual({
			filters: { type: ['Talk'], event: ['AlpineConf 2021'] },
			unknown: [],
		});
	});
});

describe('activeFilterCount', () => {
	it('counts the picked values across every facet', () => {
		expect(activeFilterCount({})).toBe(0);
		expect(activeFilterCount({ type: [], event: [] })).toBe(0);
		expect(activeFilterCount({ type: ['Talk'], tag: ['alpine', 'containers'] })).toBe(3);
	});
});
