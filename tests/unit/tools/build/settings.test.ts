import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildPaths,
	cacheInvalidatingInputs,
	projectInputs,
	searchScopeBytes,
	stateFiles,
} from '#tools/build/settings.ts';
import { defaultScopeBytes } from '#lib/search/search-indexes.ts';
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

	it('read the default search scope’s budget, refusing what is not a number of bytes', () => {
		expect(searchScopeBytes({})).toBe(defaultScopeBytes);
		expect(searchScopeBytes({ EDELWEISS_SEARCH_SCOPE_BYTES: '' })).toBe(defaultScopeBytes);
		expect(searchScopeBytes({ EDELWEISS_SEARCH_SCOPE_BYTES: '0' })).toBe(0);
		expect(searchScopeBytes({ EDELWEISS_SEARCH_SCOPE_BYTES: '1048576' })).toBe(1048576);
		for (const wrong of ['1 MB', '-1', '2.5'])
			expect(() => searchScopeBytes({ EDELWEISS_SEARCH_SCOPE_BYTES: wrong })).toThrow(
				`EDELWEISS_SEARCH_SCOPE_BYTES must be a whole number of bytes, not "${wrong}"`,
			);
	});

	// A fingerprint takes a missing input as empty: a renamed folder would silently stop counting.
	it('name fingerprint inputs that exist', () => {
		const missing = [...projectInputs, ...cacheInvalidatingInputs].filter(
			(input) => !existsSync(path.join(projectRoot, input)),
		);
		expect(missing).toEqual([]);
	});
});
