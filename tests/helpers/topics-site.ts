import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { projectRoot } from './build-site';

export const topicsSchedules = ['fosdem-2019.xml', 'fosdem-2020.xml', 'fosdem-2024.xml'].map(
	(name) => path.join(projectRoot, 'tests/fixtures/schedules', name),
);

/**
 * The tracks the `topics` site imports, about 130 talks of the three editions: the two that name
 * postmarketOS (Freedom in 2020, FOSS on Mobile Devices in 2024), those whose talks come near it
 * without naming it (PinePhone, Librem, pmbootstrap: the BoFs, Open Source Firmware,
 * Microkernels), and the RISC-V, Matrix and mobile devrooms of other topics. 2019 names it nowhere.
 */
export const topicsTracks = [
	'Freedom',
	'FOSS on Mobile Devices devroom',
	'BOFs (Track A - in J.1.106)',
	'BOFs (Track C - in H.3244)',
	'Open Source Firmware, BMC and Bootloader',
	'Microkernel and Component-based OS devroom',
	'Embedded, Mobile and Automotive',
	'RISC-V',
	'Matrix devroom',
];

/**
 * The content of the `topics` site: the hub's own content (its topics, recaps and notes) with
 * the tracks above of FOSDEM 2019, 2020 and 2024 imported as the series `fosdem` through the
 * importer, talks that no one tagged, so topics reach them by their rules alone. The whole of
 * the three editions is imported by `schedule-series-hub.test.ts`; built, it was 4,900 pages.
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
		onlyTracks: topicsTracks,
	});
}
