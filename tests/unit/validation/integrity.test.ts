import { describe, expect, it } from 'vitest';
import { checkIntegrity, type ValidEntry } from '#lib/validation/integrity.ts';
import { formatProblem } from '#lib/validation/problem.ts';

const ref = (collection: string, id: string) => ({ collection, id });
// Partial data stands in for whole entries: the checks read only references and a few fields.
const entry = (
	collection: ValidEntry['collection'],
	id: string,
	data: Record<string, unknown>,
	file = `content/${collection}/${id}.md`,
): ValidEntry =>
	({
		collection,
		id,
		file,
		data,
		// Stands in for the front matter's positions: the field's depth as its line.
		locate: (path: readonly PropertyKey[]) => ({ line: path.length + 1, column: 1 }),
	}) as ValidEntry;

describe('checkIntegrity', () => {
	const event = entry('events', 'conf', { title: 'Conf', start: '2024-03-09', end: '2024-03-10' });
	const ada = entry('people', 'ada-lovelace', { name: 'Ada' });

	it('counts a talk after midnight in the day before, and checks each session of a talk held several times', () => {
		const night = entry('events', 'night', {
			title: 'Night',
			start: '2024-03-09',
			end: '2024-03-10',
			timezone: 'Europe/Brussels',
			dayChange: '06:00',
		});
		const talk = (id: string, data: Record<string, unknown>) =>
			entry('talks', id, { event: ref('events', 'night'), ...data });
		expect(
			checkIntegrity([
				night,
				talk('party', { day: '2024-03-11', start: '00:50' }),
				talk('breakfast', { day: '2024-03-11', start: '09:00' }),
				talk('workshop', {
					day: '2024-03-09',
					start: '10:00',
					sessions: [
						{ day: '2024-03-10', start: '10:00' },
						{ day: '2024-03-12', start: '10:00' },
					],
				}),
			]).map(formatProblem),
		).toEqual([
			'content/talks/breakfast.md:2:1 day: 2024-03-11 is outside its event "night" (2024-03-09 to 2024-03-10)',
			'content/talks/workshop.md:4:1 sessions.1.day: 2024-03-12 is outside its event "night" (2024-03-09 to 2024-03-10)',
		]);
	});

	it('passes entries that agree with each other', () => {
		const talk = entry('talks', 'a', {
			event: ref('events', 'conf'),
			speakers: [ref('people', 'ada-lovelace')],
			day: '2024-03-10',
		});
		expect(checkIntegrity([event, ada, talk])).toEqual([]);
	});

	it('reports unknown references with the closest ids, duplicate ids, days outside the event, times without a zone and recaps of other events', () => {
		const other = entry('events', 'other', {
			title: 'Other',
			start: '2023-01-01',
			end: '2023-01-01',
		});
		const entries = [
			event,
			other,
			ada,
			entry('people', 'ada-lovelace', { name: 'Ada again' }, 'content/people/ada-lovelace.mdx'),
			entry('talks', 'a', {
				event: ref('events', 'conf'),
				speakers: [ref('people', 'ada-lovelce')],
				day: '2024-03-12',
				start: '10:00',
			}),
			entry('talks', 'b', {
				event: ref('events', 'other'),
				speakers: [ref('people', 'nobody-at-all')],
			}),
			entry('recaps', 'r', {
				event: ref('events', 'conf'),
				talks: [ref('talks', 'a'), ref('talks', 'b')],
			}),
		];
		expect(checkIntegrity(entries).map(formatProblem)).toEqual([
			'content/people/ada-lovelace.mdx:1:1 duplicate id "ada-lovelace" in people: content/people/ada-lovelace.md already has it\n    hint: rename one of the files; an entry id is its file name',
			'content/talks/a.md:3:1 speakers.0: unknown person "ada-lovelce"\n    hint: did you mean "ada-lovelace"?',
			'content/talks/a.md:2:1 day: 2024-03-12 is outside its event "conf" (2024-03-09 to 2024-03-10)',
			'content/talks/a.md:2:1 start: has a start time but its event "conf" has no "timezone"\n    hint: add timezone to content/events/conf.md',
			'content/talks/b.md:3:1 speakers.0: unknown person "nobody-at-all"\n    hint: add content/people/nobody-at-all.md or fix the id',
			'content/recaps/r.md:3:1 talks.1: talk "b" belongs to event "other", not to this recap\'s event "conf"',
		]);
	});

	it('does not call a reference unknown when its entry exists but failed its schema', () => {
		const talk = entry('talks', 'a', {
			event: ref('events', 'conf'),
			speakers: [ref('people', 'grace')],
		});
		expect(checkIntegrity([event, talk], { invalidEntries: new Set(['people/grace']) })).toEqual(
			[],
		);
	});
});
