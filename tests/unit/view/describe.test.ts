import { describe, expect, it } from 'vitest';
import {
	announcementPassed,
	countOf,
	countRange,
	currentEventsFirst,
	eventAttendance,
	eventContentsLine,
	eventStatusLabel,
	eventSummaryLine,
	eventWhen,
} from '#lib/view/describe.ts';
import type { CollectionData } from '#schemas/index.ts';

type EventData = CollectionData<'events'>;

const event = (attendance: EventData['attendance']) =>
	({
		title: 'Conf',
		status: 'held',
		organisers: [],
		sponsors: [],
		tags: [],
		topics: [],
		attendance,
	}) as EventData;

describe('eventAttendance', () => {
	it('keeps the qualifiers a source puts on its counts', () => {
		expect(
			eventAttendance(
				event({
					total: 700,
					totalQualifier: 'over',
					peakConcurrent: 100,
					peakConcurrentQualifier: 'nearly',
				}),
			),
		).toBe('over 700 participants; nearly 100 at once');
	});
	it('states an unqualified count as it is, with the note last', () => {
		expect(eventAttendance(event({ total: 8000, note: 'counted at the doors' }))).toBe(
			'8,000 participants; counted at the doors',
		);
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
		expect(countRange([40, 150, 60], 'room')).toBe('40 to 150 rooms');
		expect(countRange([1, 1], 'room')).toBe('1 room');
		expect(countRange([1200, 1200], 'person', 'people')).toBe('1,200 people');
	});
});

describe('events read against the build’s day', () => {
	const announced = {
		title: 'Conf 2022',
		status: 'announced',
		month: '2022-05',
		organisers: [],
		sponsors: [],
		tags: [],
	} as unknown as EventData;

	it('says plainly that an announcement’s date has passed', () => {
		expect(announcementPassed(announced, '2022-05-31')).toBe(false);
		expect(announcementPassed(announced, '2022-06-01')).toBe(true);
		expect(eventWhen(announced, '2022-04-01')).toBe('expected May 2022');
		expect(eventWhen(announced, '2026-12-07')).toBe('planned for May 2022');
		expect(eventStatusLabel(announced, '2022-04-01')).toBe('Announced');
		expect(eventSummaryLine(announced, '2026-12-07')).toBe(
			'planned for May 2022 · Announced; the date has passed with no news of it',
		);
		expect(
			eventStatusLabel(
				{ ...announced, status: 'held', start: '2022-05-01', end: '2022-05-02' },
				'2026-12-07',
			),
		).toBe('');
		expect(announcementPassed({ ...announced, month: undefined }, '2026-12-07')).toBe(false);
	});

	it('puts what is coming first, then what was held, newest first, then passed announcements', () => {
		const at = (id: string, data: Partial<EventData>) => ({
			id,
			data: { status: 'held', organisers: [], sponsors: [], tags: [], ...data } as EventData,
		});
		const events = [
			at('held-2020', { start: '2020-02-01', end: '2020-02-02' }),
			at('announced-2022', { status: 'announced', month: '2022-05' }),
			at('held-2021', { start: '2021-05-15', end: '2021-05-16' }),
			at('next-year', { status: 'announced', month: '2027-05' }),
			at('next-month', { status: 'announced', start: '2027-01-10', end: '2027-01-11' }),
			at('unknown-date', { status: 'announced' }),
		];
		expect(currentEventsFirst(events, '2026-12-07').map((event) => event.id)).toEqual([
			'unknown-date',
			'next-month',
			'next-year',
			'held-2021',
			'held-2020',
			'announced-2022',
		]);
	});
});
