import { once } from 'node:events';
import path from 'node:path';
import { describe, it } from 'vitest';
import { listSiteFiles } from '#tools/site-files.ts';
import { startValidationProcess, type ValidationOutcome } from '#tools/build/validation-step.ts';
import { projectRoot as root } from '../../../helpers/build-site';

const sanitised = 'tests/fixtures/hostile/sanitised/content';

// Started as validation-step.ts starts it; each test starts one Node loading TypeScript (seconds).
describe.concurrent('the content validation process', () => {
	it('validates the tree named by its arguments once, sends the outcome and exits', async ({
		expect,
	}) => {
		const child = startValidationProcess(root, [sanitised]);
		const messages: ValidationOutcome[] = [];
		child.on('message', (message: ValidationOutcome) => messages.push(message));
		const [code] = await once(child, 'exit');
		expect(code).toBe(0);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({
			fileCount: (await listSiteFiles(path.join(root, sanitised))).length,
			failed: false,
		});
		expect(messages[0]!.report).toMatch(/^\d+ content warnings in \d+ files:\n/);
		expect(messages[0]!.seconds).toBeGreaterThan(0);
	}, 120_000);

	it('stays up and validates the tree named in each message until it is disconnected', async ({
		expect,
	}) => {
		const child = startValidationProcess(root, []);
		const ask = async (contentDir: string) => {
			const answer = once(child, 'message');
			child.send({ contentDir });
			return (await answer)[0] as ValidationOutcome;
		};
		const broken = await ask('tests/fixtures/broken/content');
		expect(broken.failed).toBe(true);
		expect(broken.report).toMatch(/^\d+ content problems in \d+ files:\n/);
		const valid = await ask('tests/fixtures/basic/content');
		expect(valid).toMatchObject({
			fileCount: (await listSiteFiles(path.join(root, 'tests/fixtures/basic/content'))).length,
			failed: false,
		});
		expect(valid.report).toBeUndefined();
		expect(child.exitCode).toBeNull();
		const exit = once(child, 'exit');
		child.disconnect();
		expect((await exit)[0]).toBe(0);
	}, 120_000);
});
