import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/**/*.test.ts'],
		// Fixture sites are built once per run and shared by the build and browser tests.
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 180_000,
		// Browser checks poll patiently: two cores may be building other sites meanwhile.
		expect: { poll: { timeout: 15_000 } },
		// Two cores: builds and Chromium must not fight over them.
		fileParallelism: true,
		maxWorkers: 2,
		// It imports its JSON schema without `with { type: 'json' }`, which Node refuses; Vite handles it.
		server: { deps: { inline: ['@actions/workflow-parser'] } },
	},
});
