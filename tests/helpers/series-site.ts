import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { projectRoot } from './build-site';

/**
 * The content of the `series` site: a slice of three real FOSDEM editions (2019, 2020, 2024:
 * the Containers and Go devrooms, about 100 talks, three speakers in all three) imported as
 * the series `fosdem` through the importer itself, over hand-written content that links to
 * imported talks (`tests/fixtures/series/content/`); and two series of other tools' shapes
 * (issue 22): `example-camp` (a workshop held three times, talks after midnight) and `example-congress`
 * (nested and invisible names, shared and renamed ids, a speaker who also spoke at FOSDEM).
 */
export async function writeSeriesContent(tree: string): Promise<void> {
	await rm(tree, { recursive: true, force: true });
	await mkdir(path.dirname(tree), { recursive: true });
	await cp(path.join(projectRoot, 'tests/fixtures/series/content'), tree, { recursive: true });
	const schedules = path.join(projectRoot, 'tests/fixtures/schedules');
	await importSchedule({
		files: ['fosdem-2019.xml', 'fosdem-2020.xml', 'fosdem-2024.xml'].map((name) =>
			path.join(schedules, name),
		),
		contentDir: tree,
		series: 'fosdem',
		timeZone: 'Europe/Brussels',
		onlyTracks: ['Containers', 'Containers devroom', 'Go', 'Go devroom'],
	});
	await importSchedule({
		files: ['camp-repeats.xml', 'camp-night.xml'].map((name) => path.join(schedules, name)),
		contentDir: tree,
		series: 'example-camp',
	});
	await importSchedule({
		files: ['congress-names.xml', 'congress-ids-2022.xml', 'congress-ids-2023.xml'].map((name) =>
			path.join(schedules, name),
		),
		contentDir: tree,
		series: 'example-congress',
	});
}
