import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { addCorpusFiles, editionCount, newestYear, topicFiles } from '#tools/bench/corpus.ts';
import { importSchedule } from '#tools/import/import-schedule.ts';

/** The real schedules the corpus is made of: three FOSDEM editions, 2,321 talks. */
export const fosdemEditions = [
	{ year: 2024, file: 'tests/fixtures/schedules/fosdem-2024.xml', talks: 674 },
	{ year: 2020, file: 'tests/fixtures/schedules/fosdem-2020.xml', talks: 872 },
	{ year: 2019, file: 'tests/fixtures/schedules/fosdem-2019.xml', talks: 775 },
] as const;

/** Added to the schedule's talk and person ids per edition: FOSDEM's are below 100,000. */
const idsPerEdition = 100_000;
/**
 * The share of speakers, by name, who speak at every edition replayed from their schedule;
 * the others are new people in each. Chosen so that a corpus of the archive's size has about
 * its people per talk (about 0.6), and most people speak at one edition.
 */
export const recurringPercent = 46;

export interface ScheduleCorpusEdition {
	/** The real schedule it is replayed from, and that schedule's year. */
	file: string;
	year: number;
	/** The year it stands for, and its place in the plan: 0 is the newest, replayed as it is. */
	replayedYear: number;
	index: number;
	/** How many of the schedule's talks it keeps, the first in file order. */
	talks: number;
}

/**
 * One edition a year, newest first, as many as the archive has (`editionCount`: twenty, more
 * beyond its size), each from one of the three schedules in turn, cut to an even share of
 * `talks` (never more than its schedule holds).
 */
export function planScheduleCorpus(talks: number): ScheduleCorpusEdition[] {
	const smallest = Math.min(...fosdemEditions.map((edition) => edition.talks));
	const count = Math.max(editionCount(talks), Math.ceil(talks / smallest));
	return Array.from({ length: count }, (_, index) => {
		const source = fosdemEditions[index % fosdemEditions.length]!;
		return {
			file: source.file,
			year: source.year,
			replayedYear: newestYear - index,
			index,
			// Spread evenly: the first editions take the remainder.
			talks: Math.floor(talks / count) + (index < talks % count ? 1 : 0),
		};
	});
}

/** FNV-1a: a stable, even spread of names over the hundred shares of `recurringPercent`. */
function nameHash(name: string): number {
	let hash = 0x811c9dc5;
	for (const character of name.toLowerCase()) {
		hash ^= character.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** Whether the person of this name speaks at every edition replayed from their schedule. */
export const isRecurringSpeaker = (name: string) => nameHash(name) % 100 < recurringPercent;

/** II, III… XX: what sets a new person apart from the namesake of the schedule they replay. */
function romanNumeral(value: number): string {
	const numerals = [
		[10, 'X'],
		[9, 'IX'],
		[5, 'V'],
		[4, 'IV'],
		[1, 'I'],
	] as const;
	let text = '';
	let rest = value;
	for (const [worth, numeral] of numerals) for (; rest >= worth; rest -= worth) text += numeral;
	return text;
}

/** Keeps the first `count` events of a frab schedule, in file order; rooms and days stay. */
export function cutSchedule(xml: string, count: number): string {
	let kept = 0;
	return xml.replace(/[ \t]*<event id="\d+"[\s\S]*?<\/event>\n?/g, (event) =>
		kept++ < count ? event : '',
	);
}

/**
 * A schedule as another edition of the same series would have published it: its first
 * `edition.talks` talks, every date, title and URL moved to `edition.replayedYear`, talk ids
 * of its own, the recurring speakers (`isRecurringSpeaker`) as they are and everyone else a new
 * person (`Ada Lovelace III`, with an id of the edition's own), so most people speak at one
 * edition, as in the archive. Edition 0 keeps its speakers' names and ids.
 */
export function replayEdition(xml: string, edition: ScheduleCorpusEdition): string {
	const offset = idsPerEdition * edition.index;
	let replayed = cutSchedule(xml, edition.talks)
		.replace(/<event id="(\d+)"/g, (_, id: string) => `<event id="${Number(id) + offset}"`)
		.replace(
			/<person id="(\d+)"([^>]*)>([^<]+)<\/person>/g,
			(person, id: string, attributes: string, name: string) =>
				edition.index === 0 || isRecurringSpeaker(name)
					? person
					: `<person id="${Number(id) + offset}"${attributes}>${name} ${romanNumeral(edition.index + 1)}</person>`,
		);
	if (edition.replayedYear !== edition.year)
		// The year as a word of its own: not inside an id or a number.
		replayed = replayed.replace(
			new RegExp(`(?<!\\d)${edition.year}(?!\\d)`, 'g'),
			String(edition.replayedYear),
		);
	return replayed;
}

/**
 * Writes the editions of the plan for `talks` talks into `folder`, replayed as
 * `replayEdition` does, as `fosdem-<year>.xml`, and returns their paths, newest first: a
 * series' archive, for `npm run bench:import -- --corpus <talks>` and `importScheduleCorpus`.
 */
export async function writeScheduleCorpus(
	root: string,
	folder: string,
	talks: number,
): Promise<string[]> {
	await mkdir(folder, { recursive: true });
	return mapConcurrently(planScheduleCorpus(talks), fileConcurrency, async (edition) => {
		const file = path.join(folder, `fosdem-${edition.replayedYear}.xml`);
		await writeFile(
			file,
			replayEdition(await readFile(path.join(root, edition.file), 'utf8'), edition),
		);
		return file;
	});
}

/**
 * Imports the planned editions through the hub's own importer (`importSchedule`) as one
 * series, as a maintainer imports an archive, into `contentDir` (emptied first), and adds the
 * benchmark's topics (`topicFiles`). Returns how many editions were imported.
 */
export async function importScheduleCorpus(
	root: string,
	contentDir: string,
	talks: number,
): Promise<number> {
	await rm(contentDir, { recursive: true, force: true });
	await mkdir(path.dirname(contentDir), { recursive: true });
	const scratch = await mkdtemp(path.join(path.dirname(contentDir), '.schedules-'));
	try {
		const files = await writeScheduleCorpus(root, scratch, talks);
		await importSchedule({
			files,
			contentDir,
			timeZone: 'Europe/Brussels',
			series: 'fosdem',
		});
		await addCorpusFiles(contentDir, topicFiles);
		return files.length;
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}
