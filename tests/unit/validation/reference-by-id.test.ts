import { describe, expect, it } from 'vitest';
import { referenceById } from '#lib/validation/reference-by-id.ts';

describe('referenceById', () => {
	it("turns an id into a reference to the collection it names, as Astro's reference() does", () => {
		expect(referenceById('people').parse('ada-lovelace')).toEqual({
			collection: 'people',
			id: 'ada-lovelace',
		});
	});

	it('rejects what is not an id, naming the collection', () => {
		const result = referenceById('events').safeParse(42);
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.message).toBe('expected the id of an entry in events');
		expect(referenceById('events').safeParse('').success).toBe(false);
	});
});
