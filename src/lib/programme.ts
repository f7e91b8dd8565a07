import type { Entry } from './hub-index';

export interface ProgrammeDay {
	/** `YYYY-MM-DD`, or undefined for talks whose day is not known. */
	day: string | undefined;
	talks: Entry<'talks'>[];
}

/** Groups an event's talks (already in programme order) by day, undated talks last. */
export function groupTalksByDay(talks: readonly Entry<'talks'>[]): ProgrammeDay[] {
	const days = new Map<string | undefined, Entry<'talks'>[]>();
	for (const talk of talks) {
		const group = days.get(talk.data.day);
		if (group) group.push(talk);
		else days.set(talk.data.day, [talk]);
	}
	return [...days]
		.map(([day, dayTalks]) => ({ day, talks: dayTalks }))
		.sort((a, b) => (a.day ?? '\uffff').localeCompare(b.day ?? '\uffff'));
}

export interface ProgrammeRoom {
	/** The room as the talks name it, or undefined for talks without one. */
	room: string | undefined;
	talks: Entry<'talks'>[];
}

/** Splits one day's talks (in programme order) by room, rooms by name, talks without a room last. */
export function groupTalksByRoom(talks: readonly Entry<'talks'>[]): ProgrammeRoom[] {
	const rooms = new Map<string | undefined, Entry<'talks'>[]>();
	for (const talk of talks) rooms.set(talk.data.room, [...(rooms.get(talk.data.room) ?? []), talk]);
	return [...rooms]
		.map(([room, roomTalks]) => ({ room, talks: roomTalks }))
		.sort((a, b) => (a.room ?? '\uffff').localeCompare(b.room ?? '\uffff', 'en', { numeric: true }));
}
