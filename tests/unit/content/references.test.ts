import { describe, expect, it } from 'vitest';
import { findReferences } from '#lib/content/references.ts';

const ref = (collection: string, id: string) => ({ collection, id });

describe('findReferences', () => {
	it('finds every reference with its field path, in arrays and nested objects, in order', () => {
		const data = {
			event: ref('events', 'conf'),
			speakers: [ref('people', 'ada'), ref('people', 'bob')],
			links: [{ kind: 'slides', url: 'x' }],
			nested: { author: ref('people', 'cy') },
			day: new Date(0),
		};
		expect(findReferences(data)).toEqual([
			{ path: ['event'], ref: ref('events', 'conf') },
			{ path: ['speakers', 0], ref: ref('people', 'ada') },
			{ path: ['speakers', 1], ref: ref('people', 'bob') },
			{ path: ['nested', 'author'], ref: ref('people', 'cy') },
		]);
	});
	it('takes nothing else for a reference: an unknown collection, a third key, a non-string id', () => {
		expect(findReferences({ source: { id: 'x', collection: 'nope' } })).toEqual([]);
		expect(findReferences({ a: { collection: 'people', id: 'ada', extra: 1 } })).toEqual([]);
		expect(findReferences({ a: { collection: 'people', id: 3 } })).toEqual([]);
	});
});
