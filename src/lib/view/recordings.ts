import type { Recording, RecordingSource } from '#schemas/talk.ts';

type RecordingProvider = RecordingSource['provider'];
type RecordingStatus = Recording['status'];

/** How a source is shown: a native `<video>`, a click-to-load player, or a plain link. */
export type RecordingView =
	| { kind: 'video'; url: string; type?: string | undefined; origin: string }
	| {
			kind: 'player';
			url: string;
			embedUrl: string;
			origin: string;
			host: string;
			providerName: string;
	  }
	| { kind: 'link'; url: string; host: string; providerName: string };

const providerNames: Record<RecordingProvider, string> = {
	file: 'Video file',
	peertube: 'PeerTube',
	'media-ccc': 'media.ccc.de',
	youtube: 'YouTube',
	vimeo: 'Vimeo',
	other: 'Video',
};

const youtubeId = /^[\w-]{11}$/;

/** The video id of a YouTube watch, short, embed, shorts or live URL. */
function youtubeVideoId(url: URL): string | undefined {
	const host = url.hostname.replace(/^(www|m)\./, '');
	let id: string | undefined;
	if (host === 'youtu.be') id = url.pathname.split('/')[1];
	else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
		const [section, value] = url.pathname.split('/').slice(1);
		id =
			section === 'watch'
				? (url.searchParams.get('v') ?? undefined)
				: ['embed', 'shorts', 'live', 'v'].includes(section ?? '')
					? value
					: undefined;
	}
	return id && youtubeId.test(id) ? id : undefined;
}

/** The embed URL of a provider's player, or `undefined` when the URL is not one we can embed. */
function embedUrl(url: URL, provider: RecordingProvider): string | undefined {
	switch (provider) {
		case 'youtube': {
			const id = youtubeVideoId(url);
			// The no-cookie host sets no tracking cookies until the video plays.
			return id && `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
		}
		case 'peertube': {
			// `/w/<id>` (PeerTube ≥ 3.3), `/videos/watch/<id>` and `/videos/embed/<id>`.
			const match = url.pathname.match(/^\/(?:w|videos\/watch|videos\/embed)\/([\w-]+)\/?$/);
			return match ? `${url.origin}/videos/embed/${match[1]}?autoplay=1&warningTitle=0` : undefined;
		}
		case 'media-ccc': {
			const match = url.pathname.match(/^\/v\/([\w.-]+?)(?:\/oembed)?\/?$/);
			return match && url.hostname === 'media.ccc.de'
				? `https://media.ccc.de/v/${match[1]}/oembed`
				: undefined;
		}
		case 'vimeo': {
			const id = url.pathname.match(/^\/(?:video\/)?(\d+)\/?$/)?.[1];
			// `dnt=1` asks Vimeo's player not to track the viewer.
			return id && `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1`;
		}
		default:
			return undefined;
	}
}

/** Decides how a recording source is shown; nothing here fetches anything. */
export function recordingView(source: RecordingSource): RecordingView {
	const url = new URL(source.url);
	const providerName = providerNames[source.provider];
	if (source.provider === 'file')
		return { kind: 'video', url: source.url, type: source.type, origin: url.origin };
	const embed = embedUrl(url, source.provider);
	if (!embed) return { kind: 'link', url: source.url, host: url.hostname, providerName };
	const player = new URL(embed);
	return {
		kind: 'player',
		url: source.url,
		embedUrl: embed,
		origin: player.origin,
		host: player.hostname,
		providerName,
	};
}

const formatNames: Record<string, string> = {
	webm: 'WebM',
	mp4: 'MP4',
	ogg: 'Ogg',
	ogv: 'Ogg',
	quicktime: 'QuickTime',
	'x-matroska': 'Matroska',
	mkv: 'Matroska',
	'x-msvideo': 'AVI',
	avi: 'AVI',
};

/** `video/webm` → `WebM`; without a type, the file's extension. */
export function videoFormatName(file: { url: string; type?: string | undefined }): string {
	const subtype = file.type?.split('/')[1] ?? new URL(file.url).pathname.split('.').pop() ?? '';
	return formatNames[subtype.toLowerCase()] ?? (subtype.toUpperCase() || 'video');
}

/**
 * One download per format: the first file of each. A schedule may list one recording twice
 * (FOSDEM 2020 has some talks under two room folders); the player keeps every file as a
 * source, so a copy that is gone does not stop it.
 */
export function downloadsByFormat<T extends { url: string; type?: string | undefined }>(
	files: readonly T[],
): (T & { format: string })[] {
	const seen = new Set<string>();
	return files.flatMap((file) => {
		const format = videoFormatName(file);
		if (seen.has(format)) return [];
		seen.add(format);
		return [{ ...file, format }];
	});
}

/**
 * A talk's recording status as readers should see it: a talk without recording data is
 * `unknown`, and one marked available without a source is `missing`.
 */
export function recordingStatus(
	recording: Pick<Recording, 'status' | 'sources'> | undefined,
): RecordingStatus {
	if (!recording) return 'unknown';
	if (recording.status === 'available' && recording.sources.length === 0) return 'missing';
	return recording.status;
}

/** Whether a talk's recording is one readers could help find: missing, or not known either way. */
export const isRecordingSought = (recording: Parameters<typeof recordingStatus>[0]) =>
	['missing', 'unknown'].includes(recordingStatus(recording));

/**
 * An origin as a CSP source (`https://video.example.org`), or undefined unless it is exactly
 * scheme, host and port: anything else (`;`, spaces, quotes) would change the policy itself.
 * The URL schema refuses such hosts already; this keeps a policy whole whatever reaches it.
 */
export function cspOrigin(origin: string): string | undefined {
	return /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin) ? origin : undefined;
}

/**
 * The CSP directives a page needs to show these sources: exactly their players' and video
 * hosts' origins. Routes pass them to `Astro.csp.insertDirective` before the head renders.
 */
export function recordingCspDirectives(
	sources: readonly RecordingSource[],
): (`frame-src ${string}` | `media-src ${string}`)[] {
	const views = sources.map(recordingView);
	const origins = (kind: 'video' | 'player') => [
		...new Set(views.flatMap((view) => (view.kind === kind ? (cspOrigin(view.origin) ?? []) : []))),
	];
	const players = origins('player');
	const videos = origins('video');
	return [
		...(players.length ? [`frame-src ${players.join(' ')}` as const] : []),
		...(videos.length ? [`media-src 'self' ${videos.join(' ')}` as const] : []),
	];
}
