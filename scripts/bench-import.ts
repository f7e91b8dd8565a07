/**
 * `npm run bench:import [-- <schedule file or folder>... [--series <id>] [--timezone <zone>]]`:
 * imports schedules (FOSDEM 2020 by default) into a temporary content tree, then again, and
 * prints the time, the phases and the peak memory of each run. A folder of a series' schedules
 * measures a whole archive; `--corpus <talks>` makes one from the three FOSDEM editions,
 * replayed as earlier editions (`tools/bench/schedule-corpus.ts`), imported as one series.
 * Results are recorded in docs/benchmarks.md; this is not a test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeScheduleCorpus } from '#tools/bench/schedule-corpus.ts';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { formatBytes } from '#lib/content/text-file.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { series: { type: 'string' }, timezone: { type: 'string' }, corpus: { type: 'string' } },
});
const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-bench-'));
const corpus = values.corpus
	? await writeScheduleCorpus(process.cwd(), path.join(root, 'schedules'), Number(values.corpus))
	: undefined;
const files =
	corpus ?? (positionals.length ? positionals : ['tests/fixtures/schedules/fosdem-2020.xml']);
const timeZone = values.timezone ?? (positionals.length ? undefined : 'Europe/Brussels');
const series = values.series ?? (corpus ? 'fosdem' : undefined);

try {
	for (const run of ['first import', 're-import (no changes)']) {
		const started = performance.now();
		const result = await importSchedule({
			files,
			contentDir: path.join(root, 'content'),
			timeZone,
			series,
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(
			`${run}: ${result.editions.length} schedule(s), ${result.talkCount} talks, ${result.files.length} files written, ${result.unchanged.length} unchanged in ${seconds} s; ` +
				`peak RSS so far ${formatBytes(process.resourceUsage().maxRSS * 1024)}, heap now ${formatBytes(process.memoryUsage().heapUsed)}`,
		);
		console.log(
			`  ${result.phases.map((phase) => `${phase.name} ${(phase.milliseconds / 1000).toFixed(1)} s`).join(', ')}`,
		);
	}
} finally {
	await rm(root, { recursive: true, force: true });
}
