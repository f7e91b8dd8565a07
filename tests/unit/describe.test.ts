import { describe, expect, it } from 'vitest';
import { eventAttendance } from '../../src/lib/describe';
import type { EventData } from '../../src/schemas/event';

const event = (attendance: EventData['attendance']) => ({ title: 'Conf', status: 'held', organisers: [], sponsors: [], tags: [], attendance }) as EventData;

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
