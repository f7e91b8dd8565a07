import { describe, expect, it } from 'vitest';
import {
	dateFact,
	entryLink,
	factSlots,
	joinedLinks,
	linksFact,
	shownFacts,
	siteLink,
	textFact,
} from '#lib/view/facts.ts';

const link = (text: string) => ({ href: `/people/${text}/`, text });

describe('facts', () => {
	it('leaves out a fact with nothing to say', () => {
		expect(textFact('Room', undefined)).toBeUndefined();
		expect(textFact('Room', '')).toBeUndefined();
		expect(dateFact('Published', undefined)).toBeUndefined();
		expect(linksFact('Speakers', [])).toBeUndefined();
		expect(
			shownFacts([
				textFact('Room', 'H.1302'),
				undefined,
				false,
				{ label: 'Empty', parts: [] },
				dateFact('Published', '2024-03-09'),
			]),
		).toEqual([
			{ label: 'Room', parts: ['H.1302'] },
			{ label: 'Published', parts: [{ date: '2024-03-09' }] },
		]);
	});
	it('joins links as a sentence does', () => {
		expect(joinedLinks([link('a')])).toEqual([link('a')]);
		expect(joinedLinks([link('a'), link('b')])).toEqual([link('a'), ' and ', link('b')]);
		expect(joinedLinks([link('a'), link('b'), link('c')])).toEqual([
			link('a'),
			', ',
			link('b'),
			' and ',
			link('c'),
		]);
		expect(joinedLinks([link('a'), link('b')], ', ')).toEqual([link('a'), ', ', link('b')]);
	});
	it('names another site by its host, as an external link', () => {
		expect(siteLink('https://www.example.org/about')).toEqual({
			href: 'https://www.example.org/about',
			text: 'www.example.org',
			external: true,
		});
	});
	it('links an entry by its title or name', () => {
		expect(entryLink({ collection: 'people', id: 'ada', data: { name: 'Ada' } } as never)).toEqual({
			href: '/people/ada/',
			text: 'Ada',
		});
		expect(
			entryLink({ collection: 'events', id: 'conf', data: { title: 'Conf' } } as never),
		).toEqual({ href: '/events/conf/', text: 'Conf' });
	});
	it('lists the slots the facts take markup from', () => {
		expect(
			factSlots([
				{ label: 'When', parts: [{ slot: 'when' }, { muted: ' (UTC)' }] },
				{ label: 'Room', parts: ['A'] },
			]),
		).toEqual(['when']);
	});
});
