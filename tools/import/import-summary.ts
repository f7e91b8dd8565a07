import type { ImportResult } from './import-schedule';

const collectionOf = (file: string) => file.split('/')[0]!;
const quote = (value: unknown) =>
	value === undefined ? '(nothing)' : JSON.stringify(value).slice(0, 120);
const plural = (count: number, one: string, many = `${one}s`) =>
	`${count.toLocaleString('en')} ${count === 1 ? one : many}`;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

export interface SummaryOptions {
	/**
	 * How many lines each list (warnings, conflicts, speakers, repeats, renames, disagreements,
	 * talks no longer scheduled) shows before "… and N more": a congress's merged schedules
	 * can give hundreds. All of them when undefined (`npm run import -- --verbose`).
	 */
	limit?: number | undefined;
}

/** The summary's default `limit`. */
export const summaryLimit = 10;

/** `lines`, the first `limit` of them and a line saying how many more there are. */
function capped(lines: readonly string[], indent: string, limit: number | undefined): string[] {
	if (limit === undefined || lines.length <= limit) return [...lines];
	return [
		...lines.slice(0, limit),
		`${indent}… and ${(lines.length - limit).toLocaleString('en')} more (--verbose lists them all)`,
	];
}

/** What an import did, for the terminal: each edition, counts by collection, conflicts, ambiguous speakers, warnings, phases. */
export function formatImportSummary(
	result: ImportResult,
	contentDir: string,
	{ limit }: SummaryOptions = {},
): string {
	const counts = new Map<string, { created: number; updated: number; unchanged: number }>();
	const count = (file: string, key: 'created' | 'updated' | 'unchanged') => {
		const collection = collectionOf(file);
		const entry = counts.get(collection) ?? { created: 0, updated: 0, unchanged: 0 };
		entry[key]++;
		counts.set(collection, entry);
	};
	result.files.forEach((file) => count(file.path, file.created ? 'created' : 'updated'));
	result.unchanged.forEach((file) => count(file, 'unchanged'));
	const at = (file: string) => `${contentDir.replace(/\/$/, '')}/${file}`;
	const nothing = result.written ? '' : ' (nothing written)';
	const editionLine = (edition: ImportResult['editions'][number]) =>
		`${edition.eventId}: ${plural(edition.talkCount, 'talk')}, times in ${edition.timeZone}`;
	const lines = [
		...capped(
			result.warnings.map((warning) => `warning: ${warning}`),
			'warning: ',
			limit,
		),
		...(result.editions.length === 1
			? [`${editionLine(result.editions[0]!)}${nothing}`]
			: [
					`${plural(result.editions.length, 'edition')}, ${plural(result.talkCount, 'talk')}${nothing}`,
					...result.editions.map((edition) => `  ${editionLine(edition)}`),
				]),
		...['events', 'talks', 'people'].map((collection) => {
			const { created = 0, updated = 0, unchanged = 0 } = counts.get(collection) ?? {};
			return `  ${collection.padEnd(7)} ${created} created, ${updated} updated, ${unchanged} unchanged`;
		}),
		`  ${plural(result.conflicts.length, 'conflict')}${result.conflicts.length ? ' (the files keep their values; the schedule says otherwise):' : ''}`,
		...capped(
			result.conflicts.map(
				(conflict) =>
					`    ${at(conflict.path)} ${conflict.field}: kept ${quote(conflict.kept)}, schedule says ${quote(conflict.schedule)}`,
			),
			'    ',
			limit,
		),
	];
	if (result.ambiguities.length) {
		lines.push(
			`  ${plural(result.ambiguities.length, 'speaker')} could be someone already in the hub; rather than guess, each got an entry of their own (docs/schedule-import.md: settle with aliases or npm run people:merge):`,
			...capped(
				result.ambiguities.map(
					(ambiguity) =>
						`    "${ambiguity.name}" (${[ambiguity.edition, ambiguity.scheduleId !== undefined && `id ${ambiguity.scheduleId}`, ambiguity.guid && `guid ${ambiguity.guid}`].filter(Boolean).join(', ')}): ` +
						`${ambiguity.candidates.join(' or ')}? ${ambiguity.reason}; imported as ${ambiguity.createdAs}`,
				),
				'    ',
				limit,
			),
		);
	}
	if (result.repeats.length) {
		lines.push(
			`  ${plural(result.repeats.length, 'talk is', 'talks are')} listed several times, each imported as one talk with all its sessions:`,
			...capped(
				result.repeats.map(
					(repeat) =>
						`    ${at(repeat.path)} (${repeat.edition}): ${plural(repeat.sessions.length, 'session')}: ${repeat.sessions.map((session) => [`${session.day} ${session.start}`, session.room].filter(Boolean).join(' ')).join('; ')}`,
				),
				'    ',
				limit,
			),
		);
	}
	if (result.renames.length) {
		lines.push(
			`  ${plural(result.renames.length, 'speaker')} found by a stable id under another spelling of the name (the newest edition's is kept):`,
			...capped(
				result.renames.map(
					(rename) =>
						`    "${rename.from}" → "${rename.to}" (${rename.edition}, id ${rename.scheduleId}): ${at(rename.path)}`,
				),
				'    ',
				limit,
			),
		);
	}
	if (result.disagreements.length) {
		lines.push(
			`  ${plural(result.disagreements.length, 'disagreement')} within the schedules (the first named wins; docs/schedule-import.md):`,
			...capped(
				result.disagreements.map((line) => `    ${line}`),
				'    ',
				limit,
			),
		);
	}
	const notInSchedule = result.editions.flatMap((edition) => edition.notInSchedule);
	if (notInSchedule.length) {
		lines.push(
			`  ${plural(notInSchedule.length, 'talk')} imported before ${notInSchedule.length === 1 ? 'is' : 'are'} no longer in the schedule (kept):`,
		);
		lines.push(
			...capped(
				notInSchedule.map((file) => `    ${at(file)}`),
				'    ',
				limit,
			),
		);
	}
	if (result.phases.length)
		lines.push(
			`  time: ${result.phases.map((phase) => `${phase.name} ${seconds(phase.milliseconds)}`).join(', ')}`,
		);
	return lines.join('\n');
}
