import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestParts } from '#lib/digest.ts';
import type * as DigestModule from '#lib/digest.ts';
import type * as ParseScheduleModule from '#lib/schedule/parse-schedule.ts';
import { projectRoot } from '../../helpers/build-site';
import { inChildProcess } from '../../helpers/in-child-process';

describe('inChildProcess', () => {
	it('calls a module’s function in a child process and returns what it returned', async () => {
		const inChild = inChildProcess<typeof DigestModule>('#lib/digest.ts');
		expect(await inChild.digestParts(['a', 'b'])).toBe(digestParts(['a', 'b']));
	});

	it('awaits a function that returns a promise', async () => {
		const file = path.join(projectRoot, 'tests/fixtures/schedules/pretalx-democon.json');
		const { readScheduleFile } = inChildProcess<typeof ParseScheduleModule>(
			'#lib/schedule/parse-schedule.ts',
		);
		expect(await readScheduleFile(file)).toBe(await readFile(file, 'utf8'));
	});

	it('fails with the function, the module and the child’s own error when the call throws', async () => {
		const { parseSchedule } = inChildProcess<typeof ParseScheduleModule>(
			'#lib/schedule/parse-schedule.ts',
		);
		await expect(parseSchedule('<schedule><oops', 'broken.xml')).rejects.toThrow(
			/parseSchedule\(\) from #lib\/schedule\/parse-schedule\.ts failed in its child process:\n[\s\S]*broken\.xml/,
		);
	});
});
