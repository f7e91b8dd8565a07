import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stateFiles } from '#tools/build/settings.ts';

/**
 * Records every file Astro's routes produced in this build, rendered or copied unchanged from
 * the incremental cache, so the step after Astro can tell an unchanged page from a stale one
 * (`tools/build/prune.ts`): both keep the time they were last written.
 */
export function routeOutputs(): AstroIntegration {
	let file = '';
	return {
		name: 'edelweiss:route-outputs',
		hooks: {
			'astro:config:done': ({ config }) => {
				file = stateFiles(fileURLToPath(config.cacheDir)).routeOutputs;
			},
			'astro:build:done': async ({ dir, assets }) => {
				const site = fileURLToPath(dir);
				const outputs = [...assets.values()]
					.flat()
					.map((url) => path.relative(site, fileURLToPath(url)).split(path.sep).join('/'));
				await mkdir(path.dirname(file), { recursive: true });
				await writeFile(file, JSON.stringify(outputs.sort()));
			},
		},
	};
}
