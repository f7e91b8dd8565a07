import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { importSchedule } from '#tools/import/import-schedule.ts';

/** The real schedules the corpus is made of: three FOSDEM editions, 2,321 talks. */
export const fosdemEditions = [
	{ year: 2019, file: 'tests/fixtures/schedules/fosdem-2019.xml', talks: 775 },
	{ year: 2020, file: 'tests/fixtures/schedules/fosdem-2020.xml', talks: 872 },
	{ year: 2024, file: 'tests/fixtures/schedules/fosdem-2024.xml', talks: 674 },
] as const;

/** Editions a decade apart per round, so replayed years never meet real ones. */
const yearsPerRound = 10;
/** Added to the schedule's talk ids per round: FOSDEM's are below 100,000. */
const idsPerRound = 100_000;

/**
 * A schedule as an earlier edition of the same series would have published it: `round` decades
 * earlier (every date, title and URL with the year moved), with talk ids of its own, and the
 * same speakers, as a long-running conference has.
 */
export function replayEdition(xml: string, year: number, round: number): string {
	if (round === 0) return xml;
	const replayed = String(year - yearsPerRound * round);
	return (
		xml
			.replace(
				/<event id="(\d+)"/g,
				(_, id: string) => `<event id="${Number(id) + idsPerRound * round}"`,
			)
			// The year as a word of its own: not inside an id or a number.
			.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), replayed)
	);
}

export interface ScheduleCorpusEdition {
	file: string;
	year: number;
	round: number;
	/** How many talks to import from it; all when undefined. */
	limit?: number | undefined;
}

/** Which editions, replayed how often, give `talks` talks: whole editions, the last one cut. */
export function planScheduleCorpus(talks: number): ScheduleCorpusEdition[] {
	const plan: ScheduleCorpusEdition[] = [];
	let remaining = talks;
	for (let round = 0; remaining > 0; round++) {
		for (const edition of fosdemEditions) {
			if (remaining <= 0) break;
			plan.push({
				file: edition.file,
				year: edition.year,
				round,
				...(remaining < edition.talks ? { limit: remaining } : {}),
			});
			remaining -= edition.talks;
		}
	}
	return plan;
}

/** The ids of the first `count` talks of a frab schedule, in file order. */
export const firstTalkIds = (xml: string, count: number) =>
	[...xml.matchAll(/<event id="(\d+)"/g)].slice(0, count).map((match) => match[1]!);

/** A replayed edition's file name: `fosdem-<year it stands for>.xml`. */
const editionFile = (edition: ScheduleCorpusEdition) =>
	`fosdem-${edition.year - yearsPerRound * edition.round}.xml`;

/**
 * Writes the editions that give `talks` talks (whole editions: the last one is not cut) into
 * `folder`, replayed as `replayEdition` does, and returns their paths in the plan's order: a
 * series' archive for `npm run bench:import -- --corpus <talks>`.
 */
export async function writeScheduleCorpus(
	root: string,
	folder: string,
	talks: number,
): Promise<string[]> {
	await mkdir(folder, { recursive: true });
	return mapConcurrently(planScheduleCorpus(talks), fileConcurrency, async (edition) => {
		const file = path.join(folder, editionFile(edition));
		await writeFile(
			file,
			replayEdition(
				await readFile(path.join(root, edition.file), 'utf8'),
				edition.year,
				edition.round,
			),
		);
		return file;
	});
}

/**
 * Imports FOSDEM editions through the hub's own importer (`importSchedule`), edition by edition
 * as a maintainer would, into `contentDir` until it holds `talks` talks (the last edition cut).
 * Returns how many editions were imported.
 */
export async function importScheduleCorpus(
	root: string,
	contentDir: string,
	talks: number,
	onEdition?: (done: number, total: number) => void,
): Promise<number> {
	await rm(contentDir, { recursive: true, force: true });
	await mkdir(path.dirname(contentDir), { recursive: true });
	const scratch = await mkdtemp(path.join(path.dirname(contentDir), '.schedules-'));
	const plan = planScheduleCorpus(talks);
	try {
		const files = await writeScheduleCorpus(root, scratch, talks);
		for (const [index, edition] of plan.entries()) {
			await importSchedule({
				files: [files[index]!],
				contentDir,
				timeZone: 'Europe/Brussels',
				...(edition.limit
					? { only: firstTalkIds(await readFile(files[index]!, 'utf8'), edition.limit) }
					: {}),
			});
			onEdition?.(index + 1, plan.length);
		}
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
	return plan.length;
}
