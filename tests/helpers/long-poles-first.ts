import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest on a fresh clone (every site still to build), longest first, as
 * the fresh-clone run of 2026-12-07 06:40 measured them (`docs/testing.md`). Started first,
 * they end while the short files fill the other workers; Vitest's own order on a fresh clone
 * (tier by tier, larger files first) started `check.test.ts`, the longest and a small file,
 * late. A file missing here only starts later; refresh the list when the slowest files change.
 */
export const longPoles = [
	'tests/build/check.test.ts',
	'tests/browser/every-page.test.ts',
	'tests/build/incremental-build.test.ts',
	'tests/browser/search.test.ts',
	'tests/build/schedule-series-hub.test.ts',
	'tests/browser/offline.test.ts',
	'tests/browser/corridor.test.ts',
	'tests/build/congress-site.test.ts',
	'tests/build/schedule-import-processes.test.ts',
	'tests/browser/reading.test.ts',
];

/**
 * The tiers after the long poles, the slow ones first. The unit and integration tiers come last
 * and whole: their files are short, fill the end of the run, and share a worker's modules only
 * with the file run before them on it (vitest.config.ts, `isolate: false`).
 */
export const tierOrder = ['build', 'browser', 'integration', 'unit'];

export interface QueuedFile {
	/** Relative to the project, with `/`. */
	file: string;
	tier: string;
	bytes: number;
}

/** The order to start test files in: the long poles, then tier by tier, larger files first. */
export function runOrder<T extends QueuedFile>(files: readonly T[]): T[] {
	const rank = (list: readonly string[], item: string) => {
		const at = list.indexOf(item);
		return at === -1 ? list.length : at;
	};
	return [...files].sort(
		(a, b) =>
			rank(longPoles, a.file) - rank(longPoles, b.file) ||
			rank(tierOrder, a.tier) - rank(tierOrder, b.tier) ||
			b.bytes - a.bytes ||
			a.file.localeCompare(b.file),
	);
}

/** Vitest's sequencer (vitest.config.ts `sequence.sequencer`): the files in `runOrder`. */
export default class LongPolesFirst extends BaseSequencer {
	override async sort(specs: TestSpecification[]): Promise<TestSpecification[]> {
		const files = await Promise.all(
			specs.map(async (spec) => ({
				spec,
				file: path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'),
				tier: spec.project.name,
				bytes: (await stat(spec.moduleId)).size,
			})),
		);
		return runOrder(files).map(({ spec }) => spec);
	}
}
