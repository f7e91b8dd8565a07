// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores([
		'dist/',
		'.astro/',
		'tests/.output/',
		'tests/fixtures/',
		'edelweiss-offline/',
		'reports/',
		'.cache/',
	]),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{ languageOptions: { globals: globals.node } },
	{
		rules: {
			// A leading underscore marks a parameter a signature needs but the body does not; a
			// destructured name beside a rest element is how an object is copied without it.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		// Tests read parsed front matter and JSON loosely.
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		// Code that runs in the reader's browser or service worker.
		files: ['src/client/**'],
		languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
	},
	{
		// The import rule of docs/architecture.md: what Astro renders (pages, components, layouts,
		// schemas, src/lib) and what runs in the browser never reach Node-only tools/.
		files: ['src/**'],
		ignores: ['src/integrations/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(#tools/|(\\.\\./)+tools/)',
							message:
								'tools/ is Node-only (processes, browsers, servers, locks): src/ may not import it, except src/integrations/',
						},
					],
				},
			],
		},
	},
	{
		files: ['src/client/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(#tools/|(\\.\\./)+tools/)',
							message: 'tools/ is Node-only: the browser cannot run it',
						},
						{ group: ['node:*'], message: 'src/client/ runs in the browser: no Node built-ins' },
					],
				},
			],
		},
	},
);
