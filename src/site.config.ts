/**
 * The one place to say where the hub lives and where its source is edited.
 * Deploys override the URL with `SITE_URL` (GitLab Pages sets `CI_PAGES_URL`).
 */
export const siteConfig = {
	title: 'Edelweiss',
	tagline: 'What the Alpine Linux community learned at conferences and in its infrastructure',
	url: process.env.SITE_URL ?? process.env.CI_PAGES_URL ?? 'https://edelweiss.alpinelinux.org',
	/** Base of "Edit this page" links: GitLab's `/-/edit/<branch>/` form by default. */
	editBaseUrl: process.env.EDIT_BASE_URL ?? 'https://gitlab.alpinelinux.org/alpine/edelweiss/-/edit/main/',
	lang: 'en',
} as const;
