/**
 * The Content-Security-Policy of every page, for Astro's `security.csp`. Astro adds the
 * hashes of its own scripts and styles; pages with recordings add their player and video
 * hosts (`frame-src`, `media-src`) through `Astro.csp`.
 */
export const contentSecurityPolicy = {
	directives: [
		"default-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		// Pagefind runs its search in a worker made from a blob.
		"worker-src 'self' blob:",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	],
	// Pagefind compiles its WebAssembly search core.
	scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
	// Shiki colours code with inline `style` attributes.
	styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' as const }] },
};
