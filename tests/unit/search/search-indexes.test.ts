import { describe, expect, it } from 'vitest';
import {
	defaultEditions,
	defaultScope,
	defaultScopeBytes,
	searchIndexOf,
	type SearchIndexes,
} from '#lib/search/search-indexes.ts';

const listing: SearchIndexes = {
	hub: { pages: 3, bytes: 10 },
	editions: ['conf-2024', 'conf-2023', 'conf-2022'].map((id) => ({
		id,
		title: id,
		path: `editions/${id}/`,
		pages: 1,
		bytes: 1,
	})),
	defaultScope: ['conf-2024'],
};

describe('searchIndexOf', () => {
	it("puts a talk and its event in their edition's index, the rest in the hub's", () => {
		expect(searchIndexOf({ collection: 'events', id: 'conf-2023', data: {} })).toBe('conf-2023');
		expect(
			searchIndexOf({ collection: 'talks', id: 'alpha', data: { event: { id: 'conf-2023' } } }),
		).toBe('conf-2023');
		expect(searchIndexOf({ collection: 'recaps', id: 'recap', data: {} })).toBe('hub');
	});
});

describe('defaultScope', () => {
	const weighing = (...bytes: number[]) =>
		bytes.map((size, position) => ({ ...listing.editions[0]!, id: `e${position}`, bytes: size }));

	it('takes the most recent editions while their indexes stay within the budget together', () => {
		expect(defaultScope(weighing(1000, 2000, defaultScopeBytes - 3000, 1))).toEqual([
			'e0',
			'e1',
			'e2',
		]);
		expect(defaultScope(weighing(10, 20, 30))).toEqual(['e0', 'e1', 'e2']);
	});

	it('always takes the most recent, however large, and none of an empty listing', () => {
		expect(defaultScope(weighing(defaultScopeBytes * 3, 10))).toEqual(['e0']);
		expect(defaultScope([])).toEqual([]);
	});
});

describe('defaultEditions', () => {
	it('searches the default scope and the edition the reader came from', () => {
		expect(defaultEditions(listing).map((edition) => edition.id)).toEqual(['conf-2024']);
		expect(defaultEditions(listing, 'conf-2022').map((edition) => edition.id)).toEqual([
			'conf-2024',
			'conf-2022',
		]);
		expect(defaultEditions(listing, 'unknown').map((edition) => edition.id)).toEqual(['conf-2024']);
		expect(defaultEditions({ ...listing, defaultScope: ['conf-2024', 'conf-2023'] })).toHaveLength(
			2,
		);
		expect(defaultEditions({ ...listing, editions: [], defaultScope: [] })).toEqual([]);
	});
});
