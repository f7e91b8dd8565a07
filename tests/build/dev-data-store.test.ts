import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureContent, ownAstroRoot, startAstroDev } from '../helpers/build-site';
import { builtSite } from '../helpers/sites';

/**
 * `npm run dev` after `npm run build`: dev starts from the content store the build synced
 * (`src/integrations/dev-data-store.ts`), and Astro keeps it, since dev's configuration digest
 * equals the build's when dev is started as `npm run dev` starts it (no `--host`, no `--port`).
 */
describe('astro dev after a build', () => {
	let stop = () => {};
	afterAll(() => stop());

	it('starts from the build’s content store and serves the built content without emptying it', async () => {
		// The basic site's build, and dev started with its settings: what dev writes (its own store
		// in `.astro/`, Vite's dependency cache) changes none of the site's files.
		const { dist } = await builtSite('basic');

		let output = '';
		// A root of its own: another test's dev server may run meanwhile (`ownAstroRoot`). Without
		// a dev store, as a checkout where dev has not run since the build.
		const root = await ownAstroRoot('dev-data-store');
		await rm(path.join(root, '.astro'), { recursive: true, force: true });
		const dev = startAstroDev(root, {
			EDELWEISS_CONTENT: fixtureContent('basic'),
			EDELWEISS_OUT_DIR: dist,
			EDELWEISS_CACHE_DIR: path.join(path.dirname(dist), 'cache'),
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
