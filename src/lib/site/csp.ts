import type { AstroUserConfig } from 'astro';
import { inlineScriptHashes } from './inline-scripts';

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;

/**
 * The Content-Security-Policy of every page, for Astro's `security.csp`. Astro adds the
 * hashes of its own scripts and styles; pages with recordings add their player and video
 * hosts (`frame-src`, `media-src`) through `Astro.csp`.
 */
export const contentSecurityPolicy: CspConfig = {
	directives: [
		"default-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		// Pagefind's search worker: its own file here, a blob in some of its versions and UIs.
		"worker-src 'self' blob:",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	],
	// The inline scripts' hashes (src/lib/site/inline-scripts.ts); Pagefind compiles its WebAssembly search core.
	scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes },
	// Stylesheets and Astro's hashed `<style>` elements; no `style` attribute anywhere (code
	// highlighting colours with classes: src/lib/markdown/code-highlighting.ts).
	styleDirective: { resources: ["'self'"] },
};
