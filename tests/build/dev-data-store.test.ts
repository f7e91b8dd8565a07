import { spawn } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, outputRoot, projectRoot } from '../helpers/build-site';

/**
 * `npm run dev` after `npm run build`: dev starts from the content store the build synced
 * (`src/integrations/dev-data-store.ts`), and Astro keeps it, since dev's configuration digest
 * equals the build's when dev is started as `npm run dev` starts it (no `--host`, no `--port`).
 */
describe('astro dev after a build', () => {
	const work = path.join(outputRoot, 'dev-data-store');
	// Beside the build's folder, which `buildSite` empties.
	const content = path.join(outputRoot, 'dev-data-store-content');
	let stop = () => {};
	afterAll(() => stop());

	it('starts from the build’s content store and serves the built content without emptying it', async () => {
		await rm(content, { recursive: true, force: true });
		await cp(path.join(projectRoot, fixtureContent('basic')), content, { recursive: true });
		const { exitCode, output: buildLog, dist } = await buildSite('dev-data-store', content);
		expect(exitCode, buildLog).toBe(0);

		let output = '';
		const dev = spawn(path.join(projectRoot, 'node_modules/.bin/astro'), ['dev', '--ignore-lock'], {
			cwd: projectRoot,
			env: {
				// Astro's dev server serves no pages when it sees `VITEST` set, and `NODE_ENV=test` is Vitest's too.
				...Object.fromEntries(
					Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
				),
				NODE_ENV: 'development',
				ASTRO_TELEMETRY_DISABLED: '1',
				ASTRO_DEV_BACKGROUND: '0',
				NO_COLOR: '1',
				EDELWEISS_CONTENT: content,
				EDELWEISS_OUT_DIR: dist,
				EDELWEISS_CACHE_DIR: path.join(work, 'cache'),
			},
		});
		stop = () => dev.kill();
		dev.stdout!.on('data', (chunk) => (output += chunk));
		dev.stderr!.on('data', (chunk) => (output += chunk));
		// 4321, or the next free port: other servers may run on this machine.
		await expect
			.poll(() => /Local\s+(http:\/\/\S+?)\/?\s/.exec(output)?.[1], {
				timeout: 240_000,
				interval: 500,
			})
			.toBeTruthy();
		const origin = /Local\s+(http:\/\/\S+?)\/?\s/.exec(output)![1]!;
		await expect
			.poll(
				() =>
					fetch(`${origin}/talks/packaging-with-apk/`).then(
						(response) => (response.ok ? response.text() : ''),
						() => '',
					),
				{ timeout: 240_000, interval: 500 },
			)
			.toContain('Packaging with apk');
		expect(output).toContain('content store copied from the last build');
		expect(output).toContain('Synced content');
		expect(output).not.toContain('Astro config changed');
		expect(output).not.toContain('Clearing content store');
	}, 600_000);
});
