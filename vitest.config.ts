import { defineConfig } from 'vitest/config';
import LongPolesFirst from './tests/helpers/long-poles-first';

/**
 * Four tiers, by what their tests start: `unit` starts nothing (no process, no browser, no
 * build: the fast loop, `npm run test:unit`); `integration` starts processes (git, Node, npm,
 * knip, xmllint, Pagefind, Chromium) but builds no site; `build` builds fixture sites (each
 * once, on first use, cached between runs by digest, side by side: tests/helpers/sites.ts) and
 * parses their HTML, and runs full-size imports; `browser` drives Chromium against them.
 * `npm test` runs all four with coverage, and fails below the thresholds (docs/testing.md).
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
		// The slowest files first, then the tiers by how slow their files are; the unit tier last.
		sequence: { sequencer: LongPolesFirst },
		// It imports its JSON schema without `with { type: 'json' }`, which Node refuses; Vite handles it.
		server: { deps: { inline: ['@actions/workflow-parser'] } },
		reporters: ['default', './tests/helpers/tier-times-reporter.ts'],
		coverage: {
			provider: 'v8',
			// What runs in the test processes. Pages, components and integrations run inside
			// `astro build` and Chromium, where the build and browser tiers test them end to end.
			include: ['src/lib/**', 'src/schemas/**', 'tools/**'],
			reporter: ['text-summary', 'html'],
			reportsDirectory: 'tests/.output/coverage',
			// Just under what the whole suite measured; `npm test` (and so CI) fails below them.
			thresholds: { statements: 94, branches: 87, functions: 92, lines: 95 },
		},
		projects: [
			// Unit files share one module cache per worker: they hold no global state, and
			// re-importing the same modules for every file was half the tier's CPU time.
			// The guard fails a unit test that starts a process, naming the tier it belongs to.
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					isolate: false,
					setupFiles: ['tests/helpers/unit-tier-guard.ts'],
				},
			},
			{
				extends: true,
				test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], isolate: false },
			},
			// Build files share a worker's modules too: a new process per file was 13 s of the
			// tier's 226 s of CPU, and they mock and stub nothing.
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts', 'tests/content/**/*.test.ts'],
					isolate: false,
				},
			},
			// Browser files share a worker's modules, so its Chromium too (tests/helpers/chromium.ts).
			{
				extends: true,
				test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], isolate: false },
			},
		],
	},
});
