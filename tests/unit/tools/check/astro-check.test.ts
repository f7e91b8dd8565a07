import { describe, expect, it } from 'vitest';
import { parseAstroCheckOutput } from '#tools/check/astro-check.ts';

describe('parseAstroCheckOutput', () => {
	it('reads errors with their location and code, and leaves warnings out', () => {
		const output = [
			"src/pages/talks/[...id].astro:48:50 - error ts(2339): Property 'timezone' does not exist on type 'X'.",
			'',
			"src/lib/x.ts:3:1 - warning ts(6133): 'y' is declared but its value is never read.",
			'Result (96 files): ',
		].join('\n');
		expect(parseAstroCheckOutput(output)).toEqual([
			{
				file: 'src/pages/talks/[...id].astro',
				line: 48,
				column: 50,
				message: "Property 'timezone' does not exist on type 'X'. (ts(2339))",
			},
		]);
	});
});
