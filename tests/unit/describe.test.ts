import { describe, expect, it } from 'vitest';
import { countOf, eventContentsLine } from '../../src/lib/describe';

describe('eventContentsLine', () => {
	it('counts talks and recaps in the right number', () => {
		expect(eventContentsLine(12, 1)).toBe('12 talks · 1 recap');
		expect(eventContentsLine(1, 2)).toBe('1 talk · 2 recaps');
	});
	it('leaves out what an event does not have, and says nothing for an empty one', () => {
		expect(eventContentsLine(0, 1)).toBe('1 recap');
		expect(eventContentsLine(0, 0)).toBeUndefined();
	});
	it('takes an irregular plural', () => {
		expect(countOf(2, 'person', 'people')).toBe('2 people');
	});
});
