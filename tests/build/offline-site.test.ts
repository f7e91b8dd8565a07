import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OfflineManifest } from '#lib/site/offline.ts';
import { loadPage } from '../helpers/html';
import { listHtmlFiles } from '#tools/site-files.ts';
import { builtSite } from '../helpers/sites';

const { dist } = await builtSite('offline');

describe('the offline fixture site', () => {
	let htmlFiles: string[] = [];
	beforeAll(async () => {
		htmlFiles = await listHtmlFiles(dist);
	});

	it('lists talks whose recording is missing or unknown, by event', async () => {
		const $ = await loadPage(dist, '/missing-recordings/');
		expect(
			$('h2')
				.map((_, h) => $(h).text())
				.get(),
		).toEqual(['OfflineConf 2025']);
		const listed = $('ul[data-recording] > li')
			.map((_, li) => [[$(li).children('a').first().text(), $(li).parent().attr('data-recording')]])
			.get();
		expect(listed).toEqual([
			['The lost tapes', 'missing'],
			['Lightning round', 'unknown'],
		]);
		expect($('main > p').first().text()).toContain('2 talks lack a known recording');
	});

	it('shows third-party recordings as unloaded players with plain links, and allows exactly their frames', async () => {
		const $ = await loadPage(dist, '/talks/mirrors-everywhere/');
		expect($('iframe').length).toBe(0);
		expect(
			$('.player')
				.map((_, figure) => $(figure).attr('data-embed-url'))
				.get(),
		).toEqual([
			'https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1&warningTitle=0',
			'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
		]);
		expect(
			$('.player figcaption a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual([
			'https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d',
			'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
		]);
		expect($('.recording').text()).toContain('Licence: CC-BY-SA-4.0');
		const csp = $('meta[http-equiv="content-security-policy"]').attr('content')!;
		expect(csp).toContain('frame-src https://tube.example.org https://www.youtube-nocookie.com;');
		expect(csp).not.toContain('media-src');
	});

	it('plays a direct video file natively, fetching nothing before play, and allows exactly its host', async () => {
		const $ = await loadPage((await builtSite('basic')).dist, '/talks/packaging-with-apk/');
		const video = $('.recording video');
		expect(video.attr('preload')).toBe('none');
		expect(video.find('source').attr('src')).toBe('https://video.example.org/apk.webm');
		expect(video.find('source').attr('type')).toBe('video/webm');
		expect($('.recording a[download]').attr('href')).toBe('https://video.example.org/apk.webm');
		expect($('.recording').text()).toContain('Licence: CC-BY-4.0');
		expect($('meta[http-equiv="content-security-policy"]').attr('content')).toContain(
			"media-src 'self' https://video.example.org;",
		);
	});

	it('says so when a talk was not recorded, and allows no frames there', async () => {
		const $ = await loadPage(dist, '/talks/hallway-track/');
		expect($('#recording').parent().text()).toContain('This talk was not recorded.');
		expect($('meta[http-equiv="content-security-policy"]').attr('content')).not.toContain(
			'frame-src',
		);
	});

	it('sets a CSP with Pagefind’s needs on every page, hashing each inline script it runs', async () => {
		for (const file of htmlFiles) {
			const $ = load(await readFile(path.join(dist, file), 'utf8'));
			const csp = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
			expect(csp, file).toContain("default-src 'self'");
			expect(csp, file).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
			expect(csp, file).toContain("worker-src 'self' blob:");
			expect(csp, file).toContain("object-src 'none'");
			// JSON-LD is data: browsers do not run it, and the CSP does not cover it.
			for (const script of $(
				'script:not([src]):not([type="text/pagefind-template"]):not([type="application/ld+json"])',
			).toArray()) {
				const hash = createHash('sha256').update($(script).html()!).digest('base64');
				expect(csp, `${file}: ${$(script).html()!.slice(0, 60)}`).toContain(`'sha256-${hash}'`);
			}
		}
	});

	it('gives every link out of the hub rel="noopener noreferrer", Markdown bodies included', async () => {
		const $note = await loadPage(dist, '/notes/travel-kit/');
		expect(
			$note('[data-pagefind-body] a[href="https://mirrors.example.org/status"]').attr('rel'),
		).toBe('noopener noreferrer');
		for (const file of htmlFiles) {
			const $ = load(await readFile(path.join(dist, file), 'utf8'));
			for (const link of $('a[href^="http"]').toArray()) {
				expect($(link).attr('rel')?.split(' ').sort(), `${file}: ${$(link).attr('href')}`).toEqual([
					'noopener',
					'noreferrer',
				]);
			}
		}
	});

	it('publishes a web app manifest, a service worker and the list of what “Save for offline” downloads', async () => {
		const manifest = JSON.parse(await readFile(path.join(dist, 'manifest.webmanifest'), 'utf8'));
		expect(manifest).toMatchObject({ name: 'Edelweiss', start_url: '/', display: 'standalone' });
		const $ = await loadPage(dist, '/');
		expect($('link[rel="manifest"]').attr('href')).toBe('/manifest.webmanifest');

		const offline: OfflineManifest = JSON.parse(
			await readFile(path.join(dist, 'offline.json'), 'utf8'),
		);
		expect(offline.units.map(({ id, title, pages }) => [id, title, pages])).toEqual([
			['hub', 'The hub part', htmlFiles.length - 1 - 8],
			['editions/offlineconf-2025', 'OfflineConf 2025', 6],
			['editions/offlineconf-2024', 'OfflineConf 2024', 2],
		]);
		expect(offline.everything.pages).toBe(htmlFiles.length - 1);
		const lists = Object.fromEntries(
			await Promise.all(
				offline.units.map(async (unit): Promise<[string, string[]]> => [
					unit.id,
					JSON.parse(await readFile(path.join(dist, unit.list), 'utf8')) as string[],
				]),
			),
		);
		expect(lists['editions/offlineconf-2024']).toEqual([
			'/events/offlineconf-2024/',
			'/talks/tape-archaeology/',
		]);
		expect(lists['editions/offlineconf-2025']).toContain('/talks/lost-tapes/');
		expect(lists['editions/offlineconf-2025']).toContain('/events/offlineconf-2025/');
		expect(lists.hub).toContain('/notes/travel-kit/');
		expect(Object.values(lists).flat()).not.toContain('/404.html');
		// This fixture's whole search is far under the budget: every reader's first visit keeps it.
		const fragments = await readdir(path.join(dist, 'pagefind/fragment'));
		expect(offline.searchPrecached).toBe(true);
		expect(lists.hub!.some((url) => url.startsWith('/pagefind/'))).toBe(false);
		expect(offline.caches.pages).toBe(`edelweiss-pages-${offline.version}`);

		// The event page offers its edition with a link, and no script of its own.
		const $event = await loadPage(dist, '/events/offlineconf-2024/');
		expect($event('a:contains("Save this edition for offline")').attr('href')).toBe(
			'/offline/?unit=editions%2Fofflineconf-2024',
		);
		expect($event('script[src]').length).toBe(0);

		const worker = await readFile(path.join(dist, 'sw.js'), 'utf8');
		for (const url of [
			'/offline/index.html',
			'/pagefind/pagefind.js',
			'/pagefind/pagefind-entry.json',
			'/pagefind/wasm.en.pagefind',
			'/offline.json',
		]) {
			expect(worker, url).toContain(`"url":"${url}"`);
		}
		for (const file of fragments)
			expect(worker, file).toContain(`"url":"/pagefind/fragment/${file}"`);
		expect(worker).toContain(offline.caches.pages);
	});
});
