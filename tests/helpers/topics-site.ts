import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { projectRoot } from './build-site';

export const topicsSchedules = ['fosdem-2019.xml', 'fosdem-2020.xml', 'fosdem-2024.xml'].map(
	(name) => path.join(projectRoot, 'tests/fixtures/schedules', name),
);

/**
 * The content of the `topics` site: the hub's own content (its topics, recaps and notes) with
 * the whole of FOSDEM 2019, 2020 and 2024 imported as the series `fosdem` through the importer,
 * 2,321 talks that no one tagged, so topics reach them by their rules alone.
 */
export async function writeTopicsContent(tree: string): Promise<void> {
	await rm(tree, { recursive: true, force: true });
	await mkdir(path.dirname(tree), { recursive: true });
	await cp(path.join(projectRoot, 'content'), tree, { recursive: true });
	await importSchedule({
		files: topicsSchedules,
		contentDir: tree,
		series: 'fosdem',
		timeZone: 'Europe/Brussels',
	});
}
