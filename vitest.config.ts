import { defineConfig } from 'vitest/config';

/**
 * Three tiers: `unit` never builds a site (the fast loop, `npm run test:unit`); `build` builds
 * fixture sites (each once, on first use, cached between runs by digest: tests/helpers/sites.ts)
 * and parses their HTML; `browser` drives Chromium against them. `npm test` runs all three.
 */
export default defineConfig({
	test: {
		environment: 'node',
		testTimeout: 60_000,
		// A test file's first `builtSite()` may wait for builds queued behind the Astro lock.
		hookTimeout: 300_000,
		// Browser checks poll patiently: two cores may be building other sites meanwhile.
		expect: { poll: { timeout: 15_000 } },
		// Two cores: builds and Chromium must not fight over them.
		maxWorkers: 2,
		// It imports its JSON schema without `with { type: 'json' }`, which Node refuses; Vite handles it.
		server: { deps: { inline: ['@actions/workflow-parser'] } },
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
			{ extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'] } },
		],
	},
});
