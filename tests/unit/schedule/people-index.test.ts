import { describe, expect, it } from 'vitest';
import {
	cleanName,
	compatibleNames,
	isVisibleName,
	normaliseName,
	PeopleIndex,
} from '#lib/schedule/people-index.ts';

describe('normaliseName', () => {
	it('ignores case, spacing, accents and how Unicode composes them', () => {
		expect(normaliseName('  Clément  OUDOT ')).toBe('clement oudot');
		expect(normaliseName('Ste\u0301phane Graber')).toBe(normaliseName('St\u00e9phane Graber'));
		expect(normaliseName('Stéphane Graber')).toBe(normaliseName('Stephane Graber'));
		expect(normaliseName('Alexander Færøy')).not.toBe(normaliseName('Alexander Faeroy'));
	});

	it('ignores zero-width characters and soft hyphens, which a copy-paste leaves in a name', () => {
		for (const invisible of ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD']) {
			expect(normaliseName(`Ada${invisible} Love${invisible}lace`)).toBe('ada lovelace');
		}
		expect(cleanName('\uFEFFAda\u200B Love\u00ADlace')).toBe('Ada Lovelace');
		// The joiner stays in the name written: emoji and some scripts need it.
		expect(cleanName('👩\u200D💻 Ada')).toBe('👩\u200D💻 Ada');
	});
});

describe('isVisibleName', () => {
	it('says a name that is empty, blank or only invisible characters names nobody', () => {
		expect(['', '   ', '\u200B\u2060\uFEFF', '\u200D\u00AD'].map(isVisibleName)).toEqual([
			false,
			false,
			false,
			false,
		]);
		expect(isVisibleName('Ada')).toBe(true);
	});
});

describe('PeopleIndex', () => {
	const index = () =>
		new PeopleIndex([
			{
				id: 'ada',
				name: 'Ada Lovelace',
				aliases: ['Augusta Ada King'],
				ids: new Map([['conf-2019', ['12']]]),
			},
			{ id: 'grace', name: 'Grace Hopper', guids: ['g-1'] },
			{ id: 'john-smith', name: 'John Smith' },
			{ id: 'john-smith-2', name: 'John Smith' },
		]);

	it('finds a person by guid first, whatever the name says', () => {
		expect(index().find({ guid: 'g-1', name: 'Rear Admiral Hopper' }, 'conf-2024')).toEqual({
			found: 'grace',
			by: 'guid',
		});
	});

	it('finds a person by the edition’s id only together with the name', () => {
		expect(index().find({ id: 12, name: 'ada lovelace' }, 'conf-2019')).toEqual({
			found: 'ada',
			by: 'id',
		});
		// The same id in another edition is somebody else: FOSDEM 2019's and 2024's ids overlap.
		expect(index().find({ id: 12, name: 'Someone Else' }, 'conf-2024')).toEqual({});
		expect(index().find({ id: 12, name: 'Someone Else' }, 'conf-2019')).toEqual({});
	});

	it('finds a person by name or alias, in any spelling', () => {
		expect(index().find({ id: 99, name: 'ADA  LOVELACE' }, 'conf-2024')).toEqual({
			found: 'ada',
			by: 'name',
		});
		expect(index().find({ name: 'Augusta Ada King' }, 'conf-2024')).toEqual({
			found: 'ada',
			by: 'name',
		});
	});

	it('never guesses between two people of one name, and names both', () => {
		expect(index().find({ id: 5, name: 'John Smith' }, 'conf-2024')).toEqual({
			ambiguous: { candidates: ['john-smith', 'john-smith-2'], reason: '2 people are named so' },
		});
	});

	it('tells one name with two guids apart: an entry with another guid is another person', () => {
		expect(index().find({ guid: 'g-2', name: 'Grace Hopper' }, 'conf-2024')).toEqual({
			ambiguous: { candidates: ['grace'], reason: 'the same name with another guid than g-2' },
		});
		// Without a guid of its own, the schedule's person is the one of that name.
		expect(index().find({ name: 'Grace Hopper' }, 'conf-2024')).toEqual({
			found: 'grace',
			by: 'name',
		});
	});

	it('learns what it is told: a new person’s name, an edition’s ids', () => {
		const people = index();
		people.remember({ id: 'linus', name: 'Linus Example', ids: new Map([['conf-2024', ['7']]]) });
		expect(people.find({ name: 'linus example' }, 'conf-2025')).toEqual({
			found: 'linus',
			by: 'name',
		});
		people.remember({ id: 'john-smith-2', name: '', ids: new Map([['conf-2024', ['5']]]) });
		// An id recorded for one of two namesakes settles which one the edition means.
		expect(people.find({ id: 5, name: 'John Smith' }, 'conf-2024')).toEqual({
			found: 'john-smith-2',
			by: 'id',
		});
	});
});

describe('compatibleNames', () => {
	it('takes a name grown by words, or a nickname’s new quotes, as one person’s; not another first name', () => {
		const compatible = (a: string, b: string) =>
			compatibleNames(normaliseName(a), normaliseName(b));
		expect(compatible('Clifford', 'Clifford Wolf')).toBe(true);
		expect(compatible('Kosmo "The Hacker" Example', "Kosmo 'The Hacker' Example")).toBe(true);
		expect(compatible('Jaana Dogan (JBD)', 'Jaana Dogan')).toBe(true);
		expect(compatible('Wolf', 'Clifford Wolf')).toBe(false);
		expect(compatible('Pat Example', 'Someone Else')).toBe(false);
	});
});

describe('PeopleIndex and renames under a stable id', () => {
	it('finds an entry by an id it had, under a compatible name, in any edition; never by an id several people shared', () => {
		const people = new PeopleIndex([
			{ id: 'clifford', name: 'Clifford', ids: new Map([['camp-2022', ['7']]]) },
			{ id: 'wiki-alice', name: 'Wiki Alice', ids: new Map([['camp-2022', ['0']]]) },
			{ id: 'wiki-bob', name: 'Wiki Bob', ids: new Map([['camp-2022', ['0']]]) },
		]);
		expect(people.find({ id: 7, name: 'Clifford Wolf' }, 'camp-2023')).toEqual({
			found: 'clifford',
			by: 'renamed',
		});
		expect(people.find({ id: 7, name: 'Someone Else' }, 'camp-2023')).toEqual({});
		expect(people.find({ id: 0, name: 'Wiki Alice Example' }, 'camp-2023')).toEqual({});
		// A guid of its own says who the person is: no rename is looked for.
		expect(people.find({ id: 7, guid: 'g-9', name: 'Clifford Wolf' }, 'camp-2023')).toEqual({});
	});
});
