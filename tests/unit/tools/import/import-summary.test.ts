import { describe, expect, it } from 'vitest';
import type { ImportResult } from '#tools/import/import-schedule.ts';
import { formatImportSummary } from '#tools/import/import-summary.ts';

const result: ImportResult = {
	editions: [
		{
			file: 'fosdem-2020.xml',
			eventId: 'fosdem-2020',
			start: '2020-02-01',
			timeZone: 'Europe/Brussels',
			talkCount: 3,
			notInSchedule: ['talks/fosdem-2020/gone.md'],
		},
	],
	warnings: ['time_zone_name is missing: using --timezone Europe/Brussels'],
	files: [
		{ path: 'events/fosdem-2020.md', text: '', created: true },
		{ path: 'talks/fosdem-2020/a.md', text: '', created: true },
		{ path: 'talks/fosdem-2020/b.md', text: '', created: false },
		{ path: 'people/ada.md', text: '', created: true },
	],
	unchanged: ['talks/fosdem-2020/c.md', 'people/bob.md'],
	conflicts: [
		{ path: 'talks/fosdem-2020/b.md', field: 'title', kept: 'Our title', schedule: 'Their title' },
	],
	ambiguities: [],
	repeats: [],
	disagreements: [],
	renames: [],
	talkCount: 3,
	written: true,
	completed: [],
	phases: [],
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
			'  1 talk imported before is no longer in the schedule (kept):',
			'    content/talks/fosdem-2020/gone.md',
		]);
	});

	it('says when a dry run wrote nothing, and that there were no conflicts', () => {
		const dry = formatImportSummary(
			{
				...result,
				written: false,
				warnings: [],
				conflicts: [],
				editions: [{ ...result.editions[0]!, notInSchedule: [] }],
			},
			'content',
		);
		expect(dry.split('\n')[0]).toBe(
			'fosdem-2020: 3 talks, times in Europe/Brussels (nothing written)',
		);
		expect(dry).toContain('  0 conflicts');
	});

	it('lists each edition of a series, the speakers it would not guess about, and the time of each phase', () => {
		const series = formatImportSummary(
			{
				...result,
				editions: [
					{
						file: '2019.xml',
						eventId: 'fosdem-2019',
						start: '2019-02-02',
						timeZone: 'Europe/Brussels',
						talkCount: 2,
						notInSchedule: [],
					},
					{
						file: '2020.xml',
						eventId: 'fosdem-2020',
						start: '2020-02-01',
						timeZone: 'Europe/Brussels',
						talkCount: 1,
						notInSchedule: [],
					},
				],
				warnings: [],
				conflicts: [],
				ambiguities: [
					{
						edition: 'fosdem-2020',
						name: 'Ada',
						scheduleId: 7,
						candidates: ['ada', 'ada-2'],
						reason: 'two people have this name',
						createdAs: 'ada-3',
					},
				],
				phases: [
					{ name: 'read', milliseconds: 1200 },
					{ name: 'write', milliseconds: 50 },
				],
			},
			'content',
		).split('\n');
		expect(series.slice(0, 3)).toEqual([
			'2 editions, 3 talks',
			'  fosdem-2019: 2 talks, times in Europe/Brussels',
			'  fosdem-2020: 1 talk, times in Europe/Brussels',
		]);
		expect(series).toContain(
			'    "Ada" (fosdem-2020, id 7): ada or ada-2? two people have this name; imported as ada-3',
		);
		expect(series.at(-1)).toBe('  time: read 1.2 s, write 0.1 s');
	});

	it('gives talks listed several times, renames under a stable id and disagreements within a schedule a line each', () => {
		const lines = formatImportSummary(
			{
				...result,
				warnings: [],
				conflicts: [],
				editions: [{ ...result.editions[0]!, notInSchedule: [] }],
				repeats: [
					{
						edition: 'camp',
						path: 'talks/camp/soldering.md',
						sessions: [
							{ day: '2024-08-01', start: '10:00', room: 'Tent' },
							{ day: '2024-08-02', start: '10:00' },
						],
					},
				],
				renames: [
					{
						edition: 'camp',
						scheduleId: 7,
						from: 'Clifford',
						to: 'Clifford Wolf',
						path: 'people/clifford.md',
					},
				],
				disagreements: [
					'camp.xml: 2 events in <room name="Stage"> say <room>Main Stage</room>; imported in "Stage"',
				],
			},
			'content',
		).split('\n');
		expect(lines.slice(4)).toEqual([
			'  0 conflicts',
			'  1 talk is listed several times, each imported as one talk with all its sessions:',
			'    content/talks/camp/soldering.md (camp): 2 sessions: 2024-08-01 10:00 Tent; 2024-08-02 10:00',
			"  1 speaker found by a stable id under another spelling of the name (the newest edition's is kept):",
			'    "Clifford" → "Clifford Wolf" (camp, id 7): content/people/clifford.md',
			'  1 disagreement within the schedules (the first named wins; docs/schedule-import.md):',
			'    camp.xml: 2 events in <room name="Stage"> say <room>Main Stage</room>; imported in "Stage"',
		]);
	});

	it('shows the first lines of a long list and how many more there are, all of them without a limit', () => {
		const disagreements = Array.from(
			{ length: 186 },
			(_, index) =>
				`congress.xml: 1 event in <room name="Room ${index}"> says <room>room ${index}</room>; imported in "Room ${index}"`,
		);
		const warnings = Array.from({ length: 12 }, (_, index) => `warning number ${index}`);
		const long = { ...result, warnings, disagreements };
		const lines = formatImportSummary(long, 'content', { limit: 10 }).split('\n');
		expect(lines.slice(0, 11)).toEqual([
			...warnings.slice(0, 10).map((warning) => `warning: ${warning}`),
			'warning: … and 2 more (--verbose lists them all)',
		]);
		const heading = lines.indexOf(
			'  186 disagreements within the schedules (the first named wins; docs/schedule-import.md):',
		);
		expect(lines.slice(heading + 1)).toEqual([
			...disagreements.slice(0, 10).map((line) => `    ${line}`),
			'    … and 176 more (--verbose lists them all)',
			'  1 talk imported before is no longer in the schedule (kept):',
			'    content/talks/fosdem-2020/gone.md',
		]);
		const all = formatImportSummary(long, 'content').split('\n');
		expect(all.filter((line) => line.includes('<room name='))).toHaveLength(186);
		expect(all.some((line) => line.includes('more (--verbose'))).toBe(false);
	});
});
