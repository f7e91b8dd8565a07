import { describe, expect, it } from 'vitest';
import { defaultEditions, searchIndexOf, type SearchIndexes } from '#lib/search/search-indexes.ts';

const listing: SearchIndexes = {
	hub: { pages: 3, bytes: 10 },
	editions: ['conf-2024', 'conf-2023', 'conf-2022'].map((id) => ({
		id,
		title: id,
		path: `editions/${id}/`,
		pages: 1,
		bytes: 1,
	})),
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

describe('defaultEditions', () => {
	it('searches the most recent edition and the one the reader came from', () => {
		expect(defaultEditions(listing).map((edition) => edition.id)).toEqual(['conf-2024']);
		expect(defaultEditions(listing, 'conf-2022').map((edition) => edition.id)).toEqual([
			'conf-2024',
			'conf-2022',
		]);
		expect(defaultEditions(listing, 'unknown').map((edition) => edition.id)).toEqual(['conf-2024']);
		expect(defaultEditions({ ...listing, editions: [] })).toEqual([]);
	});
});
