import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, inlineScriptsDir } from '../../src/lib/csp';

describe('contentSecurityPolicy', () => {
	it('hashes every file of src/inline-scripts/, and nothing else', async () => {
		const scripts = (await readdir(inlineScriptsDir)).filter((file) => file.endsWith('.js'));
		const hashes = await Promise.all(
			scripts.map(
				async (file) =>
					`sha256-${createHash('sha256')
						.update(await readFile(new URL(file, inlineScriptsDir)))
						.digest('base64')}`,
			),
		);
		expect(scripts.length).toBeGreaterThan(0);
		expect([...inlineScriptHashes].sort()).toEqual(hashes.sort());
		expect(contentSecurityPolicy.scriptDirective?.hashes).toEqual(inlineScriptHashes);
	});

	it('allows nothing inline but hashed code, and nothing from elsewhere', () => {
		const policy = JSON.stringify(contentSecurityPolicy);
		expect(policy).not.toContain('unsafe-inline');
		expect(policy).not.toContain("'unsafe-eval'");
		expect(contentSecurityPolicy.directives).toEqual(expect.arrayContaining(["default-src 'self'", "object-src 'none'", "base-uri 'self'"]));
		expect(contentSecurityPolicy.styleDirective?.resources).toEqual(["'self'"]);
		expect(contentSecurityPolicy.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
	});
});
