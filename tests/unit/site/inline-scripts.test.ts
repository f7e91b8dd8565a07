import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
	inlineScriptFiles,
	inlineScriptHashes,
	inlineScriptsDir,
	minifyInlineScript,
	readInlineScript,
} from '#lib/site/inline-scripts.ts';

describe('inline scripts', () => {
	it('are every .js file of src/client/inline/, each hashed as pages carry it: minified', async () => {
		const files = (await readdir(inlineScriptsDir)).filter((file) => file.endsWith('.js'));
		expect(inlineScriptFiles().sort()).toEqual(files.sort());
		const hashes = files.map(
			(file) => `sha256-${createHash('sha256').update(readInlineScript(file)).digest('base64')}`,
		);
		expect([...inlineScriptHashes].sort()).toEqual(hashes.sort());
	});

	it('lose their comments and spaces, and keep what they do', async () => {
		const source = await readFile(new URL('search-trigger.js', inlineScriptsDir), 'utf8');
		const minified = readInlineScript('search-trigger.js');
		expect(minified.length).toBeLessThan(source.length / 2);
		expect(minified).not.toContain('// ');
		// Top-level names stay: other code may read them.
		expect(
			minifyInlineScript(
				'// a note\nvar shared = 1;\nfunction hidden(long) { return long + shared; }\n',
			),
		).toBe('var shared=1;function hidden(e){return e+shared}');
	});

	it('refuse a script that does not parse, naming its file', () => {
		expect(() => minifyInlineScript('const = 1;', 'src/client/inline/broken.js')).toThrow(
			/^src\/client\/inline\/broken\.js: /,
		);
	});
});
