import { describe, expect, it } from 'vitest';
import { formatSlowestFiles, formatTierTimes } from '../../helpers/tier-times-reporter';

describe('formatTierTimes', () => {
	it('gives each tier its files, their time and when it was done, then the whole run', () => {
		const text = formatTierTimes(
			[
				{ tier: 'unit', files: 41, fileMs: 22_140, doneAtMs: 31_000 },
				{ tier: 'build', files: 1, fileMs: 190_300, doneAtMs: 220_400 },
				{ tier: 'browser', files: 7, fileMs: 80_000, doneAtMs: 242_600 },
			],
			243_000,
		);
		expect(text.split('\n')).toEqual([
			'Tiers:',
			'  unit      41 files    22.1 s in its files, done after 0 min 31 s',
			'  build      1 file    190.3 s in its files, done after 3 min 40 s',
			'  browser    7 files    80.0 s in its files, done after 4 min 03 s',
			'The whole run took 4 min 03 s.',
		]);
	});
});

describe('formatSlowestFiles', () => {
	it('lists the slowest files first, with their tier, as many as asked', () => {
		const text = formatSlowestFiles(
			[
				{ tier: 'unit', file: 'tests/unit/a.test.ts', ms: 1_200 },
				{ tier: 'browser', file: 'tests/browser/b.test.ts', ms: 95_000 },
				{ tier: 'integration', file: 'tests/integration/c.test.ts', ms: 14_050 },
			],
			2,
		);
		expect(text.split('\n')).toEqual([
			'Slowest files:',
			'    95.0 s  browser      tests/browser/b.test.ts',
			'    14.1 s  integration  tests/integration/c.test.ts',
		]);
	});
});
