import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { tsxCommand } from '#tools/run-command.ts';
import { buildSite, outputRoot, projectRoot, type BuildResult } from '../helpers/build-site';
import { loadPage } from '../helpers/html';
import { parseCalendar, vocJsonValidator, xsdErrors } from '../helpers/schedule-checks';
import { builtSite } from '../helpers/sites';

const content = path.join(outputRoot, 'schedule-content');
const fixture = (name: string) => path.join(projectRoot, 'tests/fixtures/schedules', name);

/** A talk as a schedule file states it, read here without the importer's code. */
interface StatedTalk {
	id: string;
	title: string;
	/** `YYYY-MM-DD HH:MM` on the event's clock, as listed. */
	wallClock: string;
	/** The instant, when the file gives one with an offset. */
	instant?: number | undefined;
	minutes: number;
	room: string;
	track: string;
	speakers: string[];
	/** Abstract and description as plain words. */
	text: string;
	/** The description alone as plain words: the hub exports a talk's whole body there. */
	description: string;
}

const minutesOf = (duration: string) =>
	duration
		.split(':')
		.slice(0, 2)
		.reduce((sum, part) => sum * 60 + Number(part), 0);
/** The words of HTML or Markdown text, without markup, link targets or punctuation. */
const plainWords = (text: unknown) =>
	String(text ?? '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\]\([^)\s]*\)/g, ' ')
		.replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, code: string) =>
			String.fromCodePoint(Number.parseInt(code, hex ? 16 : 10)),
		)
		.replace(/&[a-z#0-9]+;/gi, ' ')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.join(' ');
const asList = <T>(value: T | T[] | undefined): T[] =>
	value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every talk of a frab/Pentabarf `schedule.xml`: FOSDEM's own, or the hub's export. */
function talksOfFrabXml(xml: string): Map<string, StatedTalk> {
	const parsed = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		parseTagValue: false,
		textNodeName: '#text',
	}).parse(xml);
	const talks = new Map<string, StatedTalk>();
	for (const day of asList<any>(parsed.schedule.day)) {
		for (const room of asList<any>(day.room)) {
			for (const event of asList<any>(room.event)) {
				const text = (value: unknown) =>
					typeof value === 'object' && value
						? String((value as { '#text'?: unknown })['#text'] ?? '')
						: String(value ?? '');
				talks.set(String(event['@id']), {
					id: String(event['@id']),
					title: text(event.title),
					wallClock: `${day['@date']} ${text(event.start)}`,
					instant: event.date ? Date.parse(text(event.date)) : undefined,
					minutes: minutesOf(text(event.duration)),
					room: room['@name'],
					track: text(event.track),
					speakers: asList<any>(event.persons?.person).map(text),
					text: plainWords(`${text(event.abstract)} ${text(event.description)}`),
					description: plainWords(text(event.description)),
				});
			}
		}
	}
	return talks;
}

/** Every talk of a frab/pretalx `schedule.json`. */
function talksOfFrabJson(json: string): Map<string, StatedTalk> {
	const talks = new Map<string, StatedTalk>();
	for (const day of JSON.parse(json).schedule.conference.days) {
		for (const [room, events] of Object.entries(day.rooms as Record<string, any[]>)) {
			for (const event of events) {
				talks.set(String(event.id), {
					id: String(event.id),
					title: event.title,
					wallClock: `${day.date} ${event.start}`,
					instant: Date.parse(event.date),
					minutes: minutesOf(event.duration),
					room,
					track: event.track ?? '',
					speakers: event.persons.map(
						(person: { public_name?: string; name?: string }) => person.public_name ?? person.name,
					),
					text: plainWords(`${event.abstract ?? ''} ${event.description ?? ''}`),
					description: plainWords(event.description),
				});
			}
		}
	}
	return talks;
}

/**
 * What a schedule says and what the hub exports again, talk by talk: the same title, start,
 * duration, room and speakers, and a description carrying the source's words wherever the
 * source had an abstract or a description.
 */
function roundTripDifferences(
	source: Map<string, StatedTalk>,
	exported: Map<string, StatedTalk>,
): string[] {
	const differences: string[] = [];
	for (const [id, stated] of source) {
		const back = exported.get(id);
		if (!back) {
			differences.push(`${id} "${stated.title}": not exported`);
			continue;
		}
		const differ = (field: string, a: unknown, b: unknown) => {
			if (JSON.stringify(a) !== JSON.stringify(b))
				differences.push(
					`${id} "${stated.title}": ${field} ${JSON.stringify(a)} came back as ${JSON.stringify(b)}`,
				);
		};
		differ('title', stated.title, back.title);
		if (stated.instant !== undefined)
			differ(
				'start',
				new Date(stated.instant).toISOString(),
				new Date(back.instant!).toISOString(),
			);
		else differ('start', stated.wallClock, back.wallClock);
		differ('duration', stated.minutes, back.minutes);
		differ('room', stated.room, back.room);
		differ('speakers', stated.speakers, back.speakers);
		// The first words are enough to tell the source's text from none or another talk's.
		const opening = stated.text.split(' ').slice(0, 12).join(' ');
		if (opening && !back.description.includes(opening))
			differences.push(`${id} "${stated.title}": description lost (source begins "${opening}")`);
	}
	return differences;
}

/** Runs `npm run import` as a contributor would (the same script, through tsx). */
function runImport(...args: string[]) {
	const { command, args: commandArgs } = tsxCommand('scripts/import.ts', [
		...args,
		'--content',
		content,
	]);
	const result = spawnSync(command, commandArgs, {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a site built from imported FOSDEM and pretalx schedules', () => {
	let build: BuildResult;
	let talkIds: string[];

	beforeAll(async () => {
		await rm(content, { recursive: true, force: true });
		const fosdem = runImport(
			fixture('fosdem-2020.xml'),
			'--timezone',
			'Europe/Brussels',
			'--only-track',
			'Keynotes',
			'--only-track',
			'Lightning Talks',
		);
		expect(fosdem.stderr).toBe('');
		expect(fosdem.status).toBe(0);
		expect(fosdem.stdout).toContain('fosdem-2020: 47 talks, times in Europe/Brussels');
		expect(fosdem.stdout).toMatch(/talks\s+47 created, 0 updated, 0 unchanged/);
		const democon = runImport(fixture('pretalx-democon.json'));
		expect(democon.status).toBe(0);
		expect(democon.stdout).toContain('warning:');
		build = await buildSite('schedule', content);
		const names = await readdir(path.join(content, 'talks'), { recursive: true });
		talkIds = names.filter((name) => name.endsWith('.md')).map((name) => name.replace(/\.md$/, ''));
	}, 300_000);

	it('builds, with a page for every imported talk', async () => {
		expect(build.exitCode, build.output).toBe(0);
		expect(talkIds).toHaveLength(47 + 36);
		for (const id of talkIds)
			expect(existsSync(path.join(build.dist, 'talks', id, 'index.html')), id).toBe(true);
	});

	it('shows the programme by day in time order, with rooms, linking every talk', async () => {
		const $ = await loadPage(build.dist, '/events/fosdem-2020/');
		expect(
			$('.programme h3 time')
				.map((_, time) => $(time).attr('datetime'))
				.get(),
		).toEqual(['2020-02-01', '2020-02-02']);
		const saturday = $('#day-2020-02-01').parent();
		expect(
			saturday
				.find('[data-slot] .where')
				.map((_, where) => $(where).text())
				.get()
				.join('\n'),
		).toContain('Janson');
		const starts = saturday
			.find('time[data-zoned]')
			.map((_, time) => $(time).attr('datetime'))
			.get();
		expect(starts).toEqual([...starts].sort());
		const kernel = saturday
			.find('a.talk-link[href="/talks/fosdem-2020/linux-kernel/"]')
			.closest('li');
		expect(kernel.find('time').attr('datetime')).toBe('2020-02-01T10:00:00+01:00');
		expect(kernel.find('time').text()).toBe('10:00–10:50');
		const linked = $('a.talk-link')
			.map((_, a) => $(a).attr('href'))
			.get();
		expect(linked).toHaveLength(47);
		expect($('[data-zone-toggle]').attr('hidden')).toBeDefined();
		expect($('a[href="/events/fosdem-2020/schedule.ics"]').text()).toContain('iCal');
	});

	it('offers an iCal file on each timed talk page', async () => {
		const $ = await loadPage(build.dist, '/talks/fosdem-2020/linux-kernel/');
		expect($('a[href="/talks/fosdem-2020/linux-kernel/talk.ics"]').text()).toBe('Add to calendar');
		expect($('.recording, #recording').length).toBeGreaterThan(0);
		const { events } = parseCalendar(
			await readFile(path.join(build.dist, 'talks/fosdem-2020/linux-kernel/talk.ics'), 'utf8'),
		);
		expect(events).toHaveLength(1);
		expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2020-02-01T09:00:00.000Z');
	});

	it.each(['fosdem-2020', 'democon'])(
		'exports a schedule.xml for %s that validates against the C3VOC XSD',
		async (event) => {
			const file = path.join(build.dist, 'events', event, 'schedule.xml');
			expect(await xsdErrors(file)).toBe('');
			expect(await readFile(file, 'utf8')).toContain(
				event === 'fosdem-2020'
					? '<event id="10715"'
					: 'guid="8079583e-8321-506c-95af-fd2903a5f075"',
			);
		},
	);

	it('has validators that reject what does not conform', async () => {
		// FOSDEM's own file lacks the <version> and day bounds the XSD requires.
		expect(await xsdErrors(fixture('fosdem-2020.xml'))).toMatch(/fails to validate/);
		const validate = vocJsonValidator();
		const json = JSON.parse(
			await readFile(path.join(build.dist, 'events/democon/schedule.json'), 'utf8'),
		);
		json.schedule.conference.days[0].rooms['Gray Room'][0].guid = 'not-a-uuid';
		expect(validate(json)).toBe(false);
	});

	it.each(['fosdem-2020', 'democon'])(
		'exports a schedule.json for %s that validates against the C3VOC JSON schema',
		async (event) => {
			const validate = vocJsonValidator();
			const json = JSON.parse(
				await readFile(path.join(build.dist, 'events', event, 'schedule.json'), 'utf8'),
			);
			expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toBe(true);
			const talks = json.schedule.conference.days.flatMap(
				(day: { rooms: Record<string, unknown[]> }) => Object.values(day.rooms).flat(),
			);
			expect(talks).toHaveLength(event === 'democon' ? 36 : 47);
		},
	);

	it('exports each schedule again as it came in: title, start, duration, room, speakers and description, talk by talk', async () => {
		const fosdemTracks = new Set(['Keynotes', 'Lightning Talks']);
		const fosdem = new Map(
			[...talksOfFrabXml(await readFile(fixture('fosdem-2020.xml'), 'utf8'))].filter(([, talk]) =>
				fosdemTracks.has(talk.track),
			),
		);
		const democon = talksOfFrabJson(await readFile(fixture('pretalx-democon.json'), 'utf8'));
		expect(fosdem.size).toBe(47);
		expect(democon.size).toBe(36);
		const described = [...fosdem.values(), ...democon.values()].filter((talk) => talk.text).length;
		expect(described, 'the sources describe most talks').toBeGreaterThan(70);
		const exported = (event: string) =>
			readFile(path.join(build.dist, 'events', event, 'schedule.xml'), 'utf8').then(talksOfFrabXml);
		expect(roundTripDifferences(fosdem, await exported('fosdem-2020'))).toEqual([]);
		expect(roundTripDifferences(democon, await exported('democon'))).toEqual([]);
	});

	it('keeps schedule ids and guids in the exports', async () => {
		const json = JSON.parse(
			await readFile(path.join(build.dist, 'events/democon/schedule.json'), 'utf8'),
		);
		const first = json.schedule.conference.days[0].rooms['Gray Room'][0];
		expect(first).toMatchObject({
			id: 25,
			guid: '8079583e-8321-506c-95af-fd2903a5f075',
			date: '2020-12-14T09:00:00+01:00',
			duration: '00:30',
		});
	});

	it('exports an RFC 5545 calendar with a VTIMEZONE, stable UIDs and folded lines', async () => {
		const text = await readFile(path.join(build.dist, 'events/fosdem-2020/schedule.ics'), 'utf8');
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
		expect(text).toMatch(/\r\n [^\r\n]/);
		const { calendar, events } = parseCalendar(text);
		expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe(
			'Europe/Brussels',
		);
		expect(events).toHaveLength(47);
		expect(new Set(events.map((event) => event.uid)).size).toBe(47);
		const kernel = events.find((event) => event.uid.startsWith('fosdem-2020.linux-kernel@'))!;
		expect(kernel.summary).toBe('The Linux Kernel: We have to finish this thing one day ;)');
		expect(kernel.startDate.toJSDate().toISOString()).toBe('2020-02-01T09:00:00.000Z');
		expect(kernel.endDate.toJSDate().toISOString()).toBe('2020-02-01T09:50:00.000Z');
		expect(kernel.location).toContain('Janson');
		const democon = parseCalendar(
			await readFile(path.join(build.dist, 'events/democon/schedule.ics'), 'utf8'),
		);
		const first = democon.events.find(
			(event) => event.summary === 'Focused 5thgeneration hardware',
		)!;
		expect(first.startDate.toJSDate().toISOString()).toBe('2020-12-14T08:00:00.000Z');
	});

	it('exports the basic fixture’s programme too', async () => {
		const { dist } = await builtSite('basic');
		expect(await xsdErrors(path.join(dist, 'events/democonf-2024/schedule.xml'))).toBe('');
		const { events } = parseCalendar(
			await readFile(path.join(dist, 'events/democonf-2024/schedule.ics'), 'utf8'),
		);
		expect(events.map((event) => event.summary)).toEqual(['Packaging with apk']);
	});
});

describe('npm run import on bad input', () => {
	it('exits non-zero with the file and location, writing nothing', async () => {
		const { command, args } = tsxCommand('scripts/import.ts', [
			fixture('voc-schedule.schema.json'),
			'--content',
			path.join(outputRoot, 'schedule-bad-content'),
		]);
		const result = spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			`error: ${fixture('voc-schedule.schema.json')}: document: expected { "schedule": { "conference": { … } } }`,
		);
		expect(existsSync(path.join(outputRoot, 'schedule-bad-content'))).toBe(false);
	});
});
