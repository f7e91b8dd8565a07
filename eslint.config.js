// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores(['dist/', '.astro/', 'tests/.output/', 'tests/fixtures/', 'edelweiss-offline/', 'reports/', '.cache/']),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{ languageOptions: { globals: globals.node } },
	{
		rules: {
			// A leading underscore marks a parameter a signature needs but the body does not; a
			// destructured name beside a rest element is how an object is copied without it.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
	{
		// Tests read parsed front matter and JSON loosely.
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		// Code that runs in the reader's browser or service worker.
		files: ['src/inline-scripts/**', 'src/file-bundle/**', 'src/scripts/**', 'src/service-worker/**'],
		languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
	},
);
