import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCongressCorpus, type CongressOptions } from '#tools/bench/congress-corpus.ts';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { formatImportSummary, summaryLimit } from '#tools/import/import-summary.ts';

/**
 * The `congress` site's schedules: the benchmark's generated congress (issue 22's shapes
 * mixed in) at a size a test builds in about half a minute: six editions of 50 to 80 events
 * but, as at a large congress, 40 to 60 rooms each, about 270 in all.
 */
export const congressSiteOptions = {
	editions: 6,
	events: [50, 80],
	rooms: [40, 60],
	seed: 1,
} as const satisfies CongressOptions;

/** The content of the `congress` site: those schedules imported as the series `hack-congress`. */
export async function writeCongressContent(tree: string): Promise<void> {
	await rm(tree, { recursive: true, force: true });
	await mkdir(path.dirname(tree), { recursive: true });
	const schedules = await mkdtemp(`${tree}-schedules-`);
	try {
		await importSchedule({
			files: await writeCongressCorpus(schedules, congressSiteOptions),
			contentDir: tree,
			series: 'hack-congress',
			timeZone: 'Europe/Berlin',
		});
	} finally {
		await rm(schedules, { recursive: true, force: true });
	}
}

/**
 * The import summary of a congress larger than the site's (100 to 150 events an edition), from
 * a dry run: how many disagreements and repeats it found, more than a summary lists, and the
 * summary's lines.
 */
export async function largerCongressSummary(): Promise<{
	disagreements: number;
	repeats: number;
	lines: string[];
}> {
	const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-congress-'));
	try {
		const result = await importSchedule({
			files: await writeCongressCorpus(path.join(folder, 'schedules'), {
				...congressSiteOptions,
				events: [100, 150],
			}),
			contentDir: path.join(folder, 'content'),
			series: 'hack-congress',
			timeZone: 'Europe/Berlin',
			dryRun: true,
		});
		return {
			disagreements: result.disagreements.length,
			repeats: result.repeats.length,
			lines: formatImportSummary(result, 'content', { limit: summaryLimit }).split('\n'),
		};
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}
