import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrabJson } from '#lib/schedule/parse-frab-json.ts';
import { planImport, type ExistingContent } from '#lib/schedule/plan-import.ts';

const democon = [
	{
		file: 'pretalx-democon.json',
		schedule: parseFrabJson(
			readFileSync(
				new URL('../../fixtures/schedules/pretalx-democon.json', import.meta.url),
				'utf8',
			),
			'pretalx-democon.json',
		),
	},
];
const nothing: ExistingContent = { events: [], talks: [], people: [] };

describe('planImport', () => {
	it('plans the event, a file per talk under the event and one per speaker, without touching the disk', () => {
		const plan = planImport(democon, nothing, { timeZone: 'Europe/Berlin' });
		expect(plan.editions.map((edition) => [edition.eventId, edition.timeZone])).toEqual([
			['democon', 'Europe/Berlin'],
		]);
		expect(plan.talkCount).toBe(36);
		const paths = plan.files.map((file) => file.path);
		expect(paths.filter((file) => file.startsWith('talks/democon/'))).toHaveLength(36);
		expect(paths).toContain('events/democon.md');
		expect(plan.files.every((file) => file.created)).toBe(true);
		expect(new Set(paths).size).toBe(paths.length);
	});

	it('reuses a person the content already has under the same name, and writes only what changes', () => {
		const first = planImport(democon, nothing, { timeZone: 'Europe/Berlin', only: ['25'] });
		const speaker = first.files.find((file) => file.path.startsWith('people/'))!;
		const existing: ExistingContent = {
			...nothing,
			people: [
				{
					id: 'brian',
					path: 'people/brian.md',
					text: '---\nname: brian  ROBINSON\n---\n\nWrites about hardware.\n',
					data: { name: 'brian  ROBINSON' },
				},
			],
		};
		const again = planImport(democon, existing, { timeZone: 'Europe/Berlin', only: ['25'] });
		expect(speaker.path).toBe('people/brian-robinson.md');
		expect(again.files.map((file) => file.path)).toContain('people/brian.md');
		expect(again.files.find((file) => file.path === 'people/brian.md')).toMatchObject({
			created: false,
		});
		expect(again.files.find((file) => file.path.startsWith('talks/'))!.text).toContain(
			'speakers:\n  - brian\n',
		);
	});

	it('refuses an --event id that is not a file name', () => {
		expect(() => planImport(democon, nothing, { eventId: 'Demo Con' })).toThrow(
			'expected an id written like a file name: lower-case ASCII words joined by hyphens, such as "demo-con"',
		);
	});
});
