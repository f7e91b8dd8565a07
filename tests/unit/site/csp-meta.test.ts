import { describe, expect, it } from 'vitest';
import { cspMetaFirst } from '#lib/site/csp-meta.ts';

describe('cspMetaFirst', () => {
	const policy = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`;

	it('moves the policy from the end of <head> to right after charset', () => {
		const html = `<!doctype html><html><head><meta charset="utf-8"><title>T</title><script>1</script>${policy}<link rel="stylesheet" href="/a.css"></head><body></body></html>`;
		expect(cspMetaFirst(html)).toBe(
			`<!doctype html><html><head><meta charset="utf-8">${policy}<title>T</title><script>1</script><link rel="stylesheet" href="/a.css"></head><body></body></html>`,
		);
	});

	it('leaves a page without a policy or a charset as it is', () => {
		const bare = '<html><head><meta charset="utf-8"><title>T</title></head></html>';
		expect(cspMetaFirst(bare)).toBe(bare);
		const noCharset = `<html><head><title>T</title>${policy}</head></html>`;
		expect(cspMetaFirst(noCharset)).toBe(noCharset);
	});
});
