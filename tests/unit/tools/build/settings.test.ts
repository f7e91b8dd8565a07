import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildPaths,
	cacheInvalidatingInputs,
	projectInputs,
	stateFiles,
} from '#tools/build/settings.ts';
import { projectRoot } from '../../../helpers/build-site';

describe('build settings', () => {
	it('read the output, content and cache folders from the environment', () => {
		expect(buildPaths('/repo', {})).toEqual({
			content: '/repo/content',
			outDir: '/repo/dist',
			cacheDir: '/repo/node_modules/.astro',
			base: '/',
		});
		expect(
			buildPaths('/repo', {
				EDELWEISS_OUT_DIR: '/tmp/out',
				EDELWEISS_CACHE_DIR: 'cache',
				BASE_PATH: '/edelweiss/',
			}),
		).toMatchObject({
			outDir: '/tmp/out',
			cacheDir: '/repo/cache',
			base: '/edelweiss/',
		});
		expect(stateFiles('/repo/cache').build).toBe('/repo/cache/edelweiss/build.json');
	});

	// A fingerprint takes a missing input as empty: a renamed folder would silently stop counting.
	it('name fingerprint inputs that exist', () => {
		const missing = [...projectInputs, ...cacheInvalidatingInputs].filter(
			(input) => !existsSync(path.join(projectRoot, input)),
		);
		expect(missing).toEqual([]);
	});
});
