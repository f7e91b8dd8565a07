/** Small frab schedules written for a test, in the `<room name>` layout FOSDEM uses since 2013. */

export interface TestTalk {
	id: number;
	title: string;
	/** `YYYY-MM-DD`; the edition's first day by default. */
	day?: string;
	start?: string;
	room?: string;
	track?: string;
	persons?: { id?: number; guid?: string; name: string }[];
	links?: { href: string; title: string }[];
	abstract?: string;
}

export interface TestEdition {
	title: string;
	start: string;
	end?: string;
	talks: TestTalk[];
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function frabXml({ title, start, end = start, talks }: TestEdition): string {
	const days = [...new Set([start, ...talks.map((talk) => talk.day ?? start)])].sort();
	const event = (talk: TestTalk) => `
      <event id="${talk.id}">
        <start>${talk.start ?? '10:00'}</start><duration>00:30</duration><room>${escape(talk.room ?? 'Main')}</room>
        <title>${escape(talk.title)}</title><track>${escape(talk.track ?? 'Main track')}</track><type>talk</type>
        <abstract>${escape(`<p>${talk.abstract ?? `About ${talk.title}.`}</p>`)}</abstract>
        <persons>${(talk.persons ?? []).map((person) => `<person${person.id === undefined ? '' : ` id="${person.id}"`}${person.guid ? ` guid="${person.guid}"` : ''}>${escape(person.name)}</person>`).join('')}</persons>
        <links>${(talk.links ?? []).map((link) => `<link href="${escape(link.href)}">${escape(link.title)}</link>`).join('')}</links>
      </event>`;
	const body = days
		.map((day, index) => {
			const rooms = [
				...new Set(
					talks.filter((talk) => (talk.day ?? start) === day).map((talk) => talk.room ?? 'Main'),
				),
			];
			const roomXml = rooms.map(
				(room) => `
    <room name="${escape(room)}">${talks
			.filter((talk) => (talk.day ?? start) === day && (talk.room ?? 'Main') === room)
			.map(event)
			.join('')}
    </room>`,
			);
			return `
  <day index="${index + 1}" date="${day}">${roomXml.join('')}
  </day>`;
		})
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>${escape(title)}</title><start>${start}</start><end>${end}</end><day_change>09:00:00</day_change></conference>${body}
</schedule>
`;
}
