/**
 * `npm run bench:import [-- <schedule file or folder>... [--series <id>] [--timezone <zone>]]`:
 * imports schedules (FOSDEM 2020 by default) into a temporary content tree, then again, and
 * prints the time, the talks per second, the phases and the peak memory of each run. A folder
 * of a series' schedules measures a whole archive; `--corpus <talks>` makes one from the three
 * FOSDEM editions, replayed as earlier editions (`tools/bench/schedule-corpus.ts`), imported as
 * one series. `--congress` imports a generated congress (`tools/bench/congress-corpus.ts`: six
 * editions of 300 to 1,500 events) as one series, then the FOSDEM archive with as many talks,
 * so the two speeds are measured side by side. Results are recorded in docs/benchmarks.md;
 * this is not a test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCongressCorpus } from '#tools/bench/congress-corpus.ts';
import { writeScheduleCorpus } from '#tools/bench/schedule-corpus.ts';
import { importSchedule } from '#tools/import/import-schedule.ts';
import { formatBytes } from '#lib/content/text-file.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		series: { type: 'string' },
		timezone: { type: 'string' },
		corpus: { type: 'string' },
		congress: { type: 'boolean' },
	},
});

interface Archive {
	label: string;
	files: string[];
	series?: string | undefined;
	timeZone?: string | undefined;
}

/** Imports `archive` into a content tree of its own, twice; returns the first run's talks. */
async function measure(root: string, archive: Archive): Promise<number> {
	console.log(archive.label);
	let talks = 0;
	for (const run of ['first import', 're-import (no changes)']) {
		const started = performance.now();
		const result = await importSchedule({
			files: archive.files,
			contentDir: path.join(root, `content-${archive.series ?? 'schedules'}`),
			timeZone: archive.timeZone,
			series: archive.series,
		});
		const seconds = (performance.now() - started) / 1000;
		talks ||= result.talkCount;
		console.log(
			`  ${run}: ${result.editions.length} schedule(s), ${result.talkCount} talks, ${result.files.length} files written, ${result.unchanged.length} unchanged in ${seconds.toFixed(1)} s ` +
				`(${Math.round(result.talkCount / seconds).toLocaleString('en')} talks/s); ` +
				`peak RSS so far ${formatBytes(process.resourceUsage().maxRSS * 1024)}, heap now ${formatBytes(process.memoryUsage().heapUsed)}`,
		);
		console.log(
			`    ${result.phases.map((phase) => `${phase.name} ${(phase.milliseconds / 1000).toFixed(1)} s`).join(', ')}`,
		);
	}
	return talks;
}

const fosdemArchive = async (root: string, talks: number): Promise<Archive> => ({
	label: `FOSDEM archive (${talks.toLocaleString('en')} talks asked)`,
	files: await writeScheduleCorpus(process.cwd(), path.join(root, 'fosdem'), talks),
	series: 'fosdem',
	timeZone: 'Europe/Brussels',
});

const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-bench-'));
try {
	if (values.congress) {
		const talks = await measure(root, {
			label: 'generated congress (tools/bench/congress-corpus.ts)',
			files: await writeCongressCorpus(path.join(root, 'congress')),
			series: values.series ?? 'hack-congress',
			timeZone: values.timezone ?? 'Europe/Berlin',
		});
		await measure(root, await fosdemArchive(root, talks));
	} else if (values.corpus) {
		await measure(root, await fosdemArchive(root, Number(values.corpus)));
	} else {
		await measure(root, {
			label: positionals.join(' ') || 'FOSDEM 2020',
			files: positionals.length ? positionals : ['tests/fixtures/schedules/fosdem-2020.xml'],
			series: values.series,
			timeZone: values.timezone ?? (positionals.length ? undefined : 'Europe/Brussels'),
		});
	}
} finally {
	await rm(root, { recursive: true, force: true });
}
