import { describe, expect, it } from 'vitest';
import { formatTierTimes } from '../../helpers/tier-times-reporter';

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
