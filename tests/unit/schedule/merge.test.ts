import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeEntry, type ImportedEntry } from '#lib/schedule/merge.ts';

const entry = (fields: Record<string, unknown>, body = 'Imported abstract.'): ImportedEntry => ({
	fields,
	body,
	listFields: ['links'],
});
const frontMatter = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
const link = (url: string) => ({ kind: 'other', url });

describe('merging a re-import with the file on disk', () => {
	const first = entry({ title: 'Old title', room: 'A', links: [link('https://a.example/')] });
	const written = mergeEntry(undefined, first).text!;

	it('writes a new file with the hashes of what it imported', () => {
		expect(frontMatter(written)).toMatchObject({
			title: 'Old title',
			room: 'A',
			imported: { title: expect.any(String), links: [expect.any(String)] },
		});
		expect(written.endsWith('\n\nImported abstract.\n')).toBe(true);
	});

	it('changes nothing when the schedule has not changed', () => {
		expect(mergeEntry(written, first)).toEqual({ text: undefined, conflicts: [] });
	});

	it('updates fields nobody edited and keeps every edit', () => {
		const edited = written
			.replace('title: Old title', 'title: Better title')
			.replace('Imported abstract.', 'A contributor wrote this.')
			.replace('room: A\n', 'room: A\ntags:\n  - kernel\n')
			.replace('links:\n', 'links:\n  - kind: slides\n    url: https://slides.example/\n');
		const result = mergeEntry(
			edited,
			entry({ title: 'Old title', room: 'B', links: [link('https://a.example/')] }),
		);
		expect(result.conflicts).toEqual([]);
		const data = frontMatter(result.text!);
		expect(data).toMatchObject({ title: 'Better title', room: 'B', tags: ['kernel'] });
		expect(data.links).toEqual([
			link('https://a.example/'),
			{ kind: 'slides', url: 'https://slides.example/' },
		]);
		expect(result.text).toContain('A contributor wrote this.');
	});

	it('reports a conflict when both sides changed a field, keeping the file’s value', () => {
		const edited = written.replace('title: Old title', 'title: Better title');
		const result = mergeEntry(
			edited,
			entry({ title: 'New schedule title', room: 'A', links: [link('https://a.example/')] }),
		);
		expect(result.conflicts).toEqual([
			{ field: 'title', kept: 'Better title', schedule: 'New schedule title' },
		]);
		expect(frontMatter(result.text!).title).toBe('Better title');
		// Reported once: the next identical import has nothing new to say.
		expect(
			mergeEntry(
				result.text!,
				entry({ title: 'New schedule title', room: 'A', links: [link('https://a.example/')] }),
			),
		).toEqual({
			text: undefined,
			conflicts: [],
		});
	});

	it('does not bring back an imported link a contributor removed', () => {
		const removed = mergeEntry(written, entry({ title: 'Old title', room: 'A', links: [] })).text!;
		expect(frontMatter(removed).links).toEqual([]);
		const withoutLink = written.replace(/links:\n(?: {2}.*\n)+/, 'links: []\n');
		const result = mergeEntry(
			withoutLink,
			entry({
				title: 'Old title',
				room: 'A',
				links: [link('https://a.example/'), link('https://b.example/')],
			}),
		);
		expect(frontMatter(result.text!).links).toEqual([link('https://b.example/')]);
	});

	it('reports a conflict for a hand-written file whose fields differ from the schedule', () => {
		const handWritten = '---\ntitle: My title\nroom: A\n---\n\nMy notes.\n';
		const result = mergeEntry(
			handWritten,
			entry({ title: 'Schedule title', room: 'A', links: [] }, 'Schedule text.'),
		);
		expect(result.conflicts.map((conflict) => conflict.field)).toEqual(['title', 'body']);
		expect(result.text).toContain('My notes.');
	});

	it('adds the schedule’s keys to an object field without dropping the file’s own', () => {
		const handWritten = '---\ntitle: T\nsource:\n  id: 7\n  url: https://schedule.example/7\n---\n';
		const imported: ImportedEntry = {
			fields: { title: 'T', source: { id: 7, guid: 'g' } },
			listFields: [],
			extendFields: ['source'],
		};
		const result = mergeEntry(handWritten, imported);
		expect(result.conflicts).toEqual([]);
		expect(frontMatter(result.text!).source).toEqual({
			id: 7,
			url: 'https://schedule.example/7',
			guid: 'g',
		});
		expect(mergeEntry(result.text!, imported)).toEqual({ text: undefined, conflicts: [] });
	});

	it('refuses a file whose front matter is not YAML', () => {
		expect(() => mergeEntry('---\ntitle: [unclosed\n---\n', first)).toThrow(
			/front matter is not valid YAML/,
		);
	});
});
