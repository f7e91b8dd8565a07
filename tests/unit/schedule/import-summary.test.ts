import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../src/lib/schedule/import-schedule';
import { formatImportSummary } from '../../../src/lib/schedule/import-summary';

const result: ImportResult = {
	eventId: 'fosdem-2020',
	timeZone: 'Europe/Brussels',
	warnings: ['time_zone_name is missing: using --timezone Europe/Brussels'],
	files: [
		{ path: 'events/fosdem-2020.md', text: '', created: true },
		{ path: 'talks/fosdem-2020/a.md', text: '', created: true },
		{ path: 'talks/fosdem-2020/b.md', text: '', created: false },
		{ path: 'people/ada.md', text: '', created: true },
	],
	unchanged: ['talks/fosdem-2020/c.md', 'people/bob.md'],
	conflicts: [{ path: 'talks/fosdem-2020/b.md', field: 'title', kept: 'Our title', schedule: 'Their title' }],
	notInSchedule: ['talks/fosdem-2020/gone.md'],
	talkCount: 3,
	written: true,
};

describe('formatImportSummary', () => {
	it('counts what was created, updated and left alone, then lists conflicts and talks no longer scheduled', () => {
		expect(formatImportSummary(result, 'content/').split('\n')).toEqual([
			'warning: time_zone_name is missing: using --timezone Europe/Brussels',
			'fosdem-2020: 3 talks, times in Europe/Brussels',
			'  events  1 created, 0 updated, 0 unchanged',
			'  talks   1 created, 1 updated, 1 unchanged',
			'  people  1 created, 0 updated, 1 unchanged',
			'  1 conflict (the files keep their values; the schedule says otherwise):',
			'    content/talks/fosdem-2020/b.md title: kept "Our title", schedule says "Their title"',
			'  1 talks imported before are no longer in the schedule (kept):',
			'    content/talks/fosdem-2020/gone.md',
		]);
	});

	it('says when a dry run wrote nothing, and that there were no conflicts', () => {
		const dry = formatImportSummary({ ...result, written: false, warnings: [], conflicts: [], notInSchedule: [] }, 'content');
		expect(dry.split('\n')[0]).toBe('fosdem-2020: 3 talks, times in Europe/Brussels (nothing written)');
		expect(dry).toContain('  0 conflicts');
	});
});
