import type { APIRoute } from 'astro';
import { withBase } from '#lib/view/urls.ts';
import { siteConfig } from '../site.config';

/** The web app manifest: lets readers install the hub and open it offline like an app. */
export const GET: APIRoute = () =>
	new Response(
		JSON.stringify({
			name: siteConfig.title,
			short_name: siteConfig.title,
			description: siteConfig.tagline,
			lang: siteConfig.lang,
			start_url: withBase('/'),
			scope: withBase('/'),
			display: 'standalone',
			background_color: '#ffffff',
			theme_color: '#0b5cad',
			icons: [
				{ src: withBase('/favicon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
			],
		}),
		{ headers: { 'content-type': 'application/manifest+json' } },
	);
