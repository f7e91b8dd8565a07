import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '#lib/site/csp.ts';
import { inlineScriptHashes } from '#lib/site/inline-scripts.ts';

describe('contentSecurityPolicy', () => {
	it('allows the inline scripts by their hashes', () => {
		expect(inlineScriptHashes.length).toBeGreaterThan(0);
		expect(contentSecurityPolicy.scriptDirective?.hashes).toEqual(inlineScriptHashes);
	});

	it('allows nothing inline but hashed code, and nothing from elsewhere', () => {
		const policy = JSON.stringify(contentSecurityPolicy);
		expect(policy).not.toContain('unsafe-inline');
		expect(policy).not.toContain("'unsafe-eval'");
		expect(contentSecurityPolicy.directives).toEqual(
			expect.arrayContaining(["default-src 'self'", "object-src 'none'", "base-uri 'self'"]),
		);
		expect(contentSecurityPolicy.styleDirective?.resources).toEqual(["'self'"]);
		expect(contentSecurityPolicy.scriptDirective?.resources).toEqual([
			"'self'",
			"'wasm-unsafe-eval'",
		]);
	});
});
