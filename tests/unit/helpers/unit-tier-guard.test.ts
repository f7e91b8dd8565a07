import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { takeRefused } from '../../helpers/unit-tier-guard';

const refusal =
	/^A unit test starts no process, and this one started `git --version`: move the test to tests\/integration\//;

describe('the unit tier guard', () => {
	// What these tests start on purpose is not held against the file.
	afterEach(() => takeRefused());

	it('refuses a process started in any way, naming it and the tier it belongs to', () => {
		expect(() => spawn('git', ['--version'])).toThrow(refusal);
		expect(() => execFile('git', ['--version'])).toThrow(refusal);
		expect(() => execFileSync('git', ['--version'])).toThrow(refusal);
		expect(() => spawnSync('git', ['--version'])).toThrow(refusal);
	});

	it('remembers a refused process even when the code that started it carries on', () => {
		try {
			execFileSync('git', ['--version']);
		} catch {
			// As git.ts does outside a checkout.
		}
		expect(takeRefused()).toEqual(['git --version']);
	});
});
