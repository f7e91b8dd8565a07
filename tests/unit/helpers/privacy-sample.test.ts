import { describe, expect, it } from 'vitest';
import { privacySample } from '../../helpers/privacy-sample';
import { scratchSite } from '../../helpers/scratch-site';

const page = (head: string, body: string) =>
	`<!doctype html><html lang="en"><head><meta http-equiv="content-security-policy" content="default-src 'self'${head}"><script src="/_astro/page.js"></script></head><body>${body}</body></html>`;

describe('privacySample', async () => {
	const dist = await scratchSite({
		'index.html': page('', '<h1>Home</h1>'),
		'talks/a/index.html': page('', '<p>One talk <a href="https://example.org/">linked out</a></p>'),
		'talks/b/index.html': page(
			'',
			'<p>Another talk, alike in all but words and data</p><script type="application/ld+json">{"name":"b"}</script>',
		),
		'talks/c/index.html': page(
			'; frame-src https://www.youtube-nocookie.com',
			'<p>A talk with a player</p>',
		),
		'talks/d/index.html': page('', '<img src="https://images.example.org/x.png" alt="x">'),
		'talks/e/index.html': page('', '<script>console.log("another script")</script>'),
		'people/a/index.html': page('', '<p>A person</p>'),
	});

	it('keeps one page of each type, policy, set of scripts and set of foreign origins it loads from', async () => {
		expect(await privacySample(dist)).toEqual([
			'index.html',
			'people/a/index.html',
			'talks/a/index.html',
			// talks/b differs from talks/a in words and JSON-LD only; a link out loads nothing.
			'talks/c/index.html',
			'talks/d/index.html',
			'talks/e/index.html',
		]);
	});
});
