/**
 * `npm run bench:import [-- <schedule file> [<time zone>]]`: imports a schedule (FOSDEM 2020 by default) into
 * a temporary content tree, then again, and prints the time and peak memory of each run.
 * Results are recorded in docs/benchmarks.md; this is not a test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSchedule } from '../src/lib/schedule/import-schedule';

const [file = 'tests/fixtures/schedules/fosdem-2020.xml', timeZone = process.argv[2] ? undefined : 'Europe/Brussels'] = process.argv.slice(2);
const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-bench-'));
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

try {
	for (const run of ['first import', 're-import (no changes)']) {
		const started = performance.now();
		const result = await importSchedule({ files: [file], contentDir: path.join(root, 'content'), timeZone });
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(
			`${run}: ${result.talkCount} talks, ${result.files.length} files written, ${result.unchanged.length} unchanged in ${seconds} s; ` +
				`peak RSS so far ${megabytes(process.resourceUsage().maxRSS * 1024)}, heap now ${megabytes(process.memoryUsage().heapUsed)}`,
		);
	}
} finally {
	await rm(root, { recursive: true, force: true });
}
