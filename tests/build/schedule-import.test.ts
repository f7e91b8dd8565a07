import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as ImportScheduleModule from '#tools/import/import-schedule.ts';
import type * as ValidateContentModule from '#lib/validation/validate-content.ts';
import {
	countBy,
	frontMatter,
	importWorkspaces,
	scheduleFixture,
	snapshot,
} from '../helpers/import-workspace';
import { inChildProcess } from '../helpers/in-child-process';

// A full-size run: a real 872-talk schedule imported, validated as a build would, and imported
// again, each in a child process, out of the coverage's way (tests/helpers/in-child-process.ts).
const { importSchedule } = inChildProcess<typeof ImportScheduleModule>(
	'#tools/import/import-schedule.ts',
);
const { validateContent } = inChildProcess<typeof ValidateContentModule>(
	'#lib/validation/validate-content.ts',
);
const fosdem = scheduleFixture('fosdem-2020.xml');
const { workspace } = importWorkspaces();

describe('importing FOSDEM 2020', () => {
	it('writes all 872 talks, their people and the event, valid for the hub, and a second run changes nothing', async () => {
		const { root, content } = await workspace();
		const first = await importSchedule({
			files: [fosdem],
			contentDir: content,
			timeZone: 'Europe/Brussels',
		});
		expect(first.written).toBe(true);
		expect(countBy(first.files, 'talks')).toBe(872);
		expect(countBy(first.files, 'events')).toBe(1);

		const { problems, entries } = await validateContent(root, 'content');
		expect(problems).toEqual([]);
		const people = entries.filter((entry) => entry.collection === 'people');
		expect(new Set(people.map((person) => String(person.data.name).toLowerCase())).size).toBe(
			people.length,
		);
		const kernel = await frontMatter(path.join(content, 'talks/fosdem-2020/linux-kernel.md'));
		expect(kernel).toMatchObject({
			event: 'fosdem-2020',
			speakers: ['thorsten-leemhuis'],
			kind: 'keynote',
			day: '2020-02-01',
			start: '10:00',
			duration: 50,
			track: 'Keynotes',
			source: { format: 'frab-xml', id: 10715 },
			recording: {
				status: 'available',
				sources: [{ provider: 'file', type: 'video/webm' }, { type: 'video/mp4' }],
			},
		});
		expect(kernel.links).toContainEqual(expect.objectContaining({ kind: 'slides' }));
		expect(await frontMatter(path.join(content, 'events/fosdem-2020.md'))).toMatchObject({
			title: 'FOSDEM 2020',
			start: '2020-02-01',
			end: '2020-02-02',
			timezone: 'Europe/Brussels',
		});

		const before = await snapshot(content);
		// The zone the first import recorded is used again without --timezone.
		const second = await importSchedule({ files: [fosdem], contentDir: content });
		expect(second.files).toEqual([]);
		expect(second.conflicts).toEqual([]);
		expect(second.unchanged.length).toBe(first.files.length);
		expect(await snapshot(content)).toEqual(before);
	}, 240_000);
});
