import { describe, expect, it } from 'vitest';
import { countOf, eventAttendance, eventContentsLine } from '../../src/lib/describe';
import type { CollectionData } from '../../src/schemas';

type EventData = CollectionData<'events'>;

const event = (attendance: EventData['attendance']) =>
	({ title: 'Conf', status: 'held', organisers: [], sponsors: [], tags: [], topics: [], attendance }) as EventData;

describe('eventAttendance', () => {
	it('keeps the qualifiers a source puts on its counts', () => {
		expect(eventAttendance(event({ total: 700, totalQualifier: 'over', peakConcurrent: 100, peakConcurrentQualifier: 'nearly' }))).toBe(
			'over 700 participants; nearly 100 at once',
		);
	});
	it('states an unqualified count as it is, with the note last', () => {
		expect(eventAttendance(event({ total: 8000, note: 'counted at the doors' }))).toBe('8,000 participants; counted at the doors');
		expect(eventAttendance(event({ peakConcurrent: 40 }))).toBe('40 at once');
	});
	it('says nothing when nothing is known', () => {
		expect(eventAttendance(event(undefined))).toBeUndefined();
		expect(eventAttendance(event({}))).toBeUndefined();
	});
});

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
