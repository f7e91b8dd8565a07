import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/build-site';
import { longPoles, runOrder } from '../../helpers/long-poles-first';

const file = (name: string, tier: string, bytes = 100) => ({ file: name, tier, bytes });

describe('runOrder', () => {
	it('starts the long poles first, in their order, whatever their tier and size', () => {
		const order = runOrder([
			file('tests/unit/a.test.ts', 'unit', 9_000),
			file(longPoles[1]!, 'browser', 10),
			file('tests/build/b.test.ts', 'build', 9_000),
			file(longPoles[0]!, 'build', 10),
		]);
		expect(order.map((queued) => queued.file)).toEqual([
			longPoles[0],
			longPoles[1],
			'tests/build/b.test.ts',
			'tests/unit/a.test.ts',
		]);
	});

	it('then runs the tiers build, browser, integration, unit, each whole, larger files first', () => {
		const order = runOrder([
			file('tests/unit/small.test.ts', 'unit', 10),
			file('tests/integration/i.test.ts', 'integration', 10),
			file('tests/unit/large.test.ts', 'unit', 5_000),
			file('tests/browser/w.test.ts', 'browser', 10),
			file('tests/build/x.test.ts', 'build', 10),
		]);
		expect(order.map((queued) => queued.file)).toEqual([
			'tests/build/x.test.ts',
			'tests/browser/w.test.ts',
			'tests/integration/i.test.ts',
			'tests/unit/large.test.ts',
			'tests/unit/small.test.ts',
		]);
	});
});

describe('the long poles', () => {
	it('are test files that exist (renamed or removed, one would silently start late)', () => {
		for (const pole of longPoles) expect(existsSync(path.join(projectRoot, pole)), pole).toBe(true);
	});
});
