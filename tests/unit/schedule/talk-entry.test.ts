import { describe, expect, it } from 'vitest';
import type { ScheduleTalk } from '#lib/schedule/model.ts';
import { talkEntry, talkKind } from '#lib/schedule/talk-entry.ts';

const scheduleTalk = (overrides: Partial<ScheduleTalk>): ScheduleTalk => ({
	location: 'day 2024-03-09, room "A", event 7',
	id: 7,
	title: 'Packaging with apk',
	dayDate: '2024-03-09',
	start: '10:00',
	durationMinutes: 30,
	persons: [],
	links: [],
	attachments: [],
	...overrides,
});
const entryOf = (talk: Partial<ScheduleTalk>) =>
	talkEntry({
		talk: scheduleTalk(talk),
		format: 'frab-xml',
		eventId: 'democonf-2024',
		speakers: ['ada'],
		day: '2024-03-09',
		start: '10:00',
	});

describe('talkKind', () => {
	it("reads the schedule's session type as one of our kinds, a plain talk when it names none", () => {
		expect(talkKind('Keynote')).toBe('keynote');
		expect(talkKind('Lightning Talk')).toBe('lightning');
		expect(talkKind('hands-on')).toBe('workshop');
		// Free-form types that name their length, as merged congress schedules write them.
		expect(talkKind('Workshop 50 Minutes')).toBe('workshop');
		expect(talkKind('Lightning Talk (5 min)')).toBe('lightning');
		expect(talkKind('Panel, 90 minutes')).toBe('panel');
		expect(talkKind('Concert')).toBe('talk');
		expect(talkKind('Q&A')).toBe('qa');
		expect(talkKind('Podium')).toBe('talk');
		expect(talkKind(undefined)).toBe('talk');
	});
});

describe('talkEntry', () => {
	it('writes the talk as front matter fields and a Markdown body, with its source for re-imports', () => {
		const entry = entryOf({
			type: 'Workshop',
			track: 'Distributions',
			room: 'H.1302',
			language: 'pt_br',
			url: 'https://democonf.example.org/talks/7/',
			guid: '0b8e5a7c-1d2e-4f3a-8b9c-aabbccddeeff',
			abstract: '<p>How packages are <em>built</em>.</p>',
			description: '<p>Step by step.</p>',
		});
		expect(entry.fields).toMatchObject({
			title: 'Packaging with apk',
			event: 'democonf-2024',
			speakers: ['ada'],
			kind: 'workshop',
			day: '2024-03-09',
			start: '10:00',
			duration: 30,
			track: 'Distributions',
			room: 'H.1302',
			language: 'pt-br',
			source: {
				format: 'frab-xml',
				id: 7,
				guid: '0b8e5a7c-1d2e-4f3a-8b9c-aabbccddeeff',
				url: 'https://democonf.example.org/talks/7/',
			},
		});
		expect(entry.body).toBe('How packages are _built_.\n\nStep by step.');
		expect(entry.fields.summary).toBe('How packages are built.');
		expect(entry.listFields).toEqual(['speakers', 'links']);
	});

	it('tells recordings (video files, YouTube, media.ccc.de) from other links, and drops links that are not http', () => {
		const entry = entryOf({
			links: [
				{ url: 'https://video.example.org/apk.webm', title: 'Video' },
				{ url: 'https://www.youtube.com/watch?v=abc' },
				{ url: 'https://media.ccc.de/v/democonf-7' },
				{ url: 'https://democonf.example.org/blog/', title: 'Blog post' },
				{ url: 'javascript:alert(1)' },
			],
			attachments: [
				{ url: 'https://democonf.example.org/apk.pdf', title: 'Slides', type: 'slides' },
			],
		});
		expect(entry.fields.recording).toEqual({
			status: 'available',
			sources: [
				{ url: 'https://video.example.org/apk.webm', provider: 'file', type: 'video/webm' },
				{ url: 'https://www.youtube.com/watch?v=abc', provider: 'youtube' },
				{ url: 'https://media.ccc.de/v/democonf-7', provider: 'media-ccc' },
			],
		});
		expect(entry.fields.links).toEqual([
			{ kind: 'other', title: 'Blog post', url: 'https://democonf.example.org/blog/' },
			{ kind: 'slides', title: 'Slides', url: 'https://democonf.example.org/apk.pdf' },
		]);
	});

	it('says a talk was not recorded when the schedule says so, and leaves out what the schedule lacks', () => {
		const entry = entryOf({
			doNotRecord: true,
			recordingLicence: 'CC-BY-4.0',
			durationMinutes: 0,
			language: 'English!',
		});
		expect(entry.fields.recording).toEqual({
			status: 'not-recorded',
			licence: 'CC-BY-4.0',
			sources: [],
		});
		expect(entry.fields.duration).toBeUndefined();
		expect(entry.fields.language).toBeUndefined();
		expect(entryOf({}).fields.recording).toBeUndefined();
	});
});
