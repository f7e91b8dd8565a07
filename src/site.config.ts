import type { HtmlAllowance } from './lib/markdown/sanitize';

/**
 * The one place to say where the hub lives and where its source is edited.
 * Deploys override the URL with `SITE_URL` (GitLab Pages sets `CI_PAGES_URL`).
 */
export const siteConfig = {
	title: 'Edelweiss',
	tagline: 'What the Alpine Linux community learned at conferences and in its infrastructure',
	url: process.env.SITE_URL ?? process.env.CI_PAGES_URL ?? 'https://edelweiss.alpinelinux.org',
	/** Base of "Edit this page" links: GitLab's `/-/edit/<branch>/` form by default. */
	editBaseUrl:
		process.env.EDIT_BASE_URL ?? 'https://gitlab.alpinelinux.org/alpine/edelweiss/-/edit/main/',
	lang: 'en',
	/**
	 * HTML that Markdown and MDX content may use beyond the default allow-list
	 * (`src/lib/markdown/sanitize.ts`, docs/security.md), e.g.
	 * `{ tagNames: ['mark'], attributes: { mark: ['className'] } }`. Keep it short: whatever is
	 * allowed here, any merge request can put on a page.
	 */
	contentHtml: {} satisfies HtmlAllowance as HtmlAllowance,
} as const;
