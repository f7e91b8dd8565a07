import { describe, expect, it } from 'vitest';
import {
	recordingCspDirectives,
	recordingStatus,
	recordingView,
	downloadsByFormat,
} from '#lib/view/recordings.ts';

describe('recordingView', () => {
	it('plays direct files in a native video element', () => {
		expect(
			recordingView({
				url: 'https://cdn.example.org/talk.webm',
				provider: 'file',
				type: 'video/webm',
			}),
		).toEqual({
			kind: 'video',
			url: 'https://cdn.example.org/talk.webm',
			type: 'video/webm',
			origin: 'https://cdn.example.org',
		});
	});

	it.each([
		'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
		'https://youtu.be/dQw4w9WgXcQ',
		'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
		'https://www.youtube.com/embed/dQw4w9WgXcQ',
		'https://www.youtube.com/live/dQw4w9WgXcQ',
	])('embeds YouTube %s from the no-cookie host', (url) => {
		expect(recordingView({ url, provider: 'youtube' })).toMatchObject({
			kind: 'player',
			url,
			embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
			origin: 'https://www.youtube-nocookie.com',
			providerName: 'YouTube',
		});
	});

	it.each([
		'https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d',
		'https://tube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d',
	])('embeds PeerTube %s from its own instance', (url) => {
		expect(recordingView({ url, provider: 'peertube' })).toMatchObject({
			kind: 'player',
			embedUrl:
				'https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1&warningTitle=0',
			host: 'tube.example.org',
		});
	});

	it('embeds media.ccc.de through its oembed player', () => {
		expect(
			recordingView({
				url: 'https://media.ccc.de/v/fosdem2024-1234-alpine',
				provider: 'media-ccc',
			}),
		).toMatchObject({
			kind: 'player',
			embedUrl: 'https://media.ccc.de/v/fosdem2024-1234-alpine/oembed',
		});
	});

	it('embeds Vimeo with do-not-track', () => {
		expect(recordingView({ url: 'https://vimeo.com/76979871', provider: 'vimeo' })).toMatchObject({
			kind: 'player',
			embedUrl: 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1',
		});
	});

	it.each([
		['youtube', 'https://www.youtube.com/channel/UC123'],
		['youtube', 'https://example.org/watch?v=dQw4w9WgXcQ'],
		['peertube', 'https://tube.example.org/c/alpine/videos'],
		['media-ccc', 'https://media.ccc.de/c/fosdem2024'],
		['media-ccc', 'https://mirror.example.org/v/fosdem2024-1234-alpine'],
		['vimeo', 'https://vimeo.com/channels/staffpicks'],
		['other', 'https://archive.example.org/talk'],
	] as const)('falls back to a plain link for %s %s', (provider, url) => {
		expect(recordingView({ url, provider })).toMatchObject({
			kind: 'link',
			url,
			host: new URL(url).hostname,
		});
	});
});

describe('recordingStatus', () => {
	it('reads an absent recording as unknown and an available one without sources as missing', () => {
		expect(recordingStatus(undefined)).toBe('unknown');
		expect(recordingStatus({ status: 'available', sources: [] })).toBe('missing');
		expect(
			recordingStatus({
				status: 'available',
				sources: [{ url: 'https://video.example.org/a.webm', provider: 'file' }],
			}),
		).toBe('available');
		expect(recordingStatus({ status: 'not-recorded', sources: [] })).toBe('not-recorded');
		expect(recordingStatus({ status: 'missing', sources: [] })).toBe('missing');
	});
});

describe('recordingCspDirectives', () => {
	it('allows exactly the player and video origins a page shows', () => {
		expect(
			recordingCspDirectives([
				{ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'youtube' },
				{ url: 'https://youtu.be/dQw4w9WgXcQ', provider: 'youtube' },
				{ url: 'https://tube.example.org/w/abc', provider: 'peertube' },
				{ url: 'https://cdn.example.org/talk.webm', provider: 'file' },
				{ url: 'https://archive.example.org/talk', provider: 'other' },
			]),
		).toEqual([
			'frame-src https://www.youtube-nocookie.com https://tube.example.org',
			"media-src 'self' https://cdn.example.org",
		]);
		expect(recordingCspDirectives([])).toEqual([]);
	});

	it('keeps a policy whole: an origin with anything but scheme, host and port is left out', () => {
		expect(
			recordingCspDirectives([
				{ url: 'https://a;script-src;.example/v.webm', provider: 'file' },
				{ url: 'https://cdn.example.org/talk.webm', provider: 'file' },
			]),
		).toEqual(["media-src 'self' https://cdn.example.org"]);
	});
});

describe('downloadsByFormat', () => {
	it('offers one download per format, the first file of each, named by its type or extension', () => {
		const files = [
			{ url: 'https://video.fosdem.org/2020/UA2.208/x.webm', type: 'video/webm' },
			{ url: 'https://video.fosdem.org/2020/UA2.208/x.mp4', type: 'video/mp4' },
			{ url: 'https://video.fosdem.org/2020/UD2.208/x.webm', type: 'video/webm' },
			{ url: 'http://video.fosdem.org/2009/x.xvid.avi', type: 'video/x-msvideo' },
			{ url: 'https://example.org/y.ogv' },
		];
		expect(downloadsByFormat(files).map((file) => [file.format, file.url])).toEqual([
			['WebM', 'https://video.fosdem.org/2020/UA2.208/x.webm'],
			['MP4', 'https://video.fosdem.org/2020/UA2.208/x.mp4'],
			['AVI', 'http://video.fosdem.org/2009/x.xvid.avi'],
			['Ogg', 'https://example.org/y.ogv'],
		]);
	});
});
