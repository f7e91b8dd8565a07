import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestParts, updateWithParts } from '#lib/digest.ts';

describe('digestParts', () => {
	it('is the SHA-256 of the parts, each ended by a NUL', () => {
		expect(digestParts(['a', 'b'])).toBe(createHash('sha256').update('a\0b\0').digest('hex'));
		expect(digestParts([new Uint8Array([1, 2])], 'base64url')).toBe(
			createHash('sha256')
				.update(new Uint8Array([1, 2, 0]))
				.digest('base64url'),
		);
	});
	it('tells apart parts that concatenate alike', () => {
		expect(digestParts(['ab', 'c'])).not.toBe(digestParts(['a', 'bc']));
		expect(digestParts([])).not.toBe(digestParts(['']));
	});
	it('streams into a hash the same way', () => {
		expect(updateWithParts(createHash('sha256'), ['x', 'y']).digest('hex')).toBe(
			digestParts(['x', 'y']),
		);
	});
});
