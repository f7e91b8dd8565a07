import { describe, expect, it } from 'vitest';
import { groupTalksByDay, groupTalksByRoom } from '../../src/lib/programme';

const talk = (id: string, data: { day?: string; room?: string }) => ({ collection: 'talks', id, data: { title: id, ...data } }) as never;

describe('groupTalksByDay', () => {
	it('keeps the programme order within a day, days in order, talks without a day last', () => {
		const talks = [talk('b', { day: '2024-03-10' }), talk('undated', {}), talk('a', { day: '2024-03-09' }), talk('c', { day: '2024-03-10' })];
		expect(groupTalksByDay(talks).map(({ day, talks }) => [day, talks.map((t: { id: string }) => t.id)])).toEqual([
			['2024-03-09', ['a']],
			['2024-03-10', ['b', 'c']],
			[undefined, ['undated']],
		]);
	});
});

describe('groupTalksByRoom', () => {
	it('orders rooms by name, numbers as numbers, talks without a room last', () => {
		const talks = [talk('x', { room: 'H.2215' }), talk('y', {}), talk('z', { room: 'H.1302' }), talk('w', { room: 'K.3.201' }), talk('v', { room: 'H.1302' })];
		expect(groupTalksByRoom(talks).map(({ room, talks }) => [room, talks.map((t: { id: string }) => t.id)])).toEqual([
			['H.1302', ['z', 'v']],
			['H.2215', ['x']],
			['K.3.201', ['w']],
			[undefined, ['y']],
		]);
	});
});
