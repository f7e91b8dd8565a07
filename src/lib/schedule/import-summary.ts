import type { ImportResult } from './import-schedule';

const collectionOf = (file: string) => file.split('/')[0]!;
const quote = (value: unknown) => (value === undefined ? '(nothing)' : JSON.stringify(value).slice(0, 120));

/** What an import did, for the terminal: counts by collection, conflicts, warnings. */
export function formatImportSummary(result: ImportResult, contentDir: string): string {
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
	const lines = [
		...result.warnings.map((warning) => `warning: ${warning}`),
		`${result.eventId}: ${result.talkCount} talks, times in ${result.timeZone}${result.written ? '' : ' (nothing written)'}`,
		...['events', 'talks', 'people'].map((collection) => {
			const { created = 0, updated = 0, unchanged = 0 } = counts.get(collection) ?? {};
			return `  ${collection.padEnd(7)} ${created} created, ${updated} updated, ${unchanged} unchanged`;
		}),
		`  ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}${result.conflicts.length ? ' (the files keep their values; the schedule says otherwise):' : ''}`,
		...result.conflicts.map(
			(conflict) => `    ${at(conflict.path)} ${conflict.field}: kept ${quote(conflict.kept)}, schedule says ${quote(conflict.schedule)}`,
		),
	];
	if (result.notInSchedule.length) {
		lines.push(`  ${result.notInSchedule.length} talks imported before are no longer in the schedule (kept):`);
		lines.push(...result.notInSchedule.map((file) => `    ${at(file)}`));
	}
	return lines.join('\n');
}
