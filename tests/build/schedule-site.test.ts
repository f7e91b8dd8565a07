import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot, type BuildResult } from '../helpers/build-site';
import { loadPage } from '../helpers/html';
import { parseCalendar, vocJsonValidator, xsdErrors } from '../helpers/schedule-checks';
import { builtSite } from '../helpers/sites';

const content = path.join(outputRoot, 'schedule-content');
const fixture = (name: string) => path.join(projectRoot, 'tests/fixtures/schedules', name);

/** Runs `npm run import` as a contributor would (the same script, through tsx). */
function runImport(...args: string[]) {
	const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/import.ts', ...args, '--content', content], {
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
		const fosdem = runImport(fixture('fosdem-2020.xml'), '--timezone', 'Europe/Brussels', '--only-track', 'Keynotes', '--only-track', 'Lightning Talks');
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
		for (const id of talkIds) expect(existsSync(path.join(build.dist, 'talks', id, 'index.html')), id).toBe(true);
	});

	it('shows the programme by day in time order, with rooms, linking every talk', async () => {
		const $ = await loadPage(build.dist, '/events/fosdem-2020/');
		expect($('.programme h3 time').map((_, time) => $(time).attr('datetime')).get()).toEqual(['2020-02-01', '2020-02-02']);
		const saturday = $('#day-2020-02-01').parent();
		expect(saturday.find('[data-slot] .where').map((_, where) => $(where).text()).get().join('\n')).toContain('Janson');
		const starts = saturday.find('time[data-zoned]').map((_, time) => $(time).attr('datetime')).get();
		expect(starts).toEqual([...starts].sort());
		const kernel = saturday.find('a.talk-link[href="/talks/fosdem-2020/linux-kernel/"]').closest('li');
		expect(kernel.find('time').attr('datetime')).toBe('2020-02-01T10:00:00+01:00');
		expect(kernel.find('time').text()).toBe('10:00–10:50');
		const linked = $('a.talk-link').map((_, a) => $(a).attr('href')).get();
		expect(linked).toHaveLength(47);
		expect($('[data-zone-toggle]').attr('hidden')).toBeDefined();
		expect($('a[href="/events/fosdem-2020/schedule.ics"]').text()).toContain('iCal');
	});

	it('offers an iCal file on each timed talk page', async () => {
		const $ = await loadPage(build.dist, '/talks/fosdem-2020/linux-kernel/');
		expect($('a[href="/talks/fosdem-2020/linux-kernel/talk.ics"]').text()).toBe('Add to calendar');
		expect($('.recording, #recording').length).toBeGreaterThan(0);
		const { events } = parseCalendar(await readFile(path.join(build.dist, 'talks/fosdem-2020/linux-kernel/talk.ics'), 'utf8'));
		expect(events).toHaveLength(1);
		expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2020-02-01T09:00:00.000Z');
	});

	it.each(['fosdem-2020', 'democon'])('exports a schedule.xml for %s that validates against the C3VOC XSD', async (event) => {
		const file = path.join(build.dist, 'events', event, 'schedule.xml');
		expect(await xsdErrors(file)).toBe('');
		expect(await readFile(file, 'utf8')).toContain(event === 'fosdem-2020' ? '<event id="10715"' : 'guid="8079583e-8321-506c-95af-fd2903a5f075"');
	});

	it('has validators that reject what does not conform', async () => {
		// FOSDEM's own file lacks the <version> and day bounds the XSD requires.
		expect(await xsdErrors(fixture('fosdem-2020.xml'))).toMatch(/fails to validate/);
		const validate = vocJsonValidator();
		const json = JSON.parse(await readFile(path.join(build.dist, 'events/democon/schedule.json'), 'utf8'));
		json.schedule.conference.days[0].rooms['Gray Room'][0].guid = 'not-a-uuid';
		expect(validate(json)).toBe(false);
	});

	it.each(['fosdem-2020', 'democon'])('exports a schedule.json for %s that validates against the C3VOC JSON schema', async (event) => {
		const validate = vocJsonValidator();
		const json = JSON.parse(await readFile(path.join(build.dist, 'events', event, 'schedule.json'), 'utf8'));
		expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toBe(true);
		const talks = json.schedule.conference.days.flatMap((day: { rooms: Record<string, unknown[]> }) => Object.values(day.rooms).flat());
		expect(talks).toHaveLength(event === 'democon' ? 36 : 47);
	});

	it('keeps schedule ids and guids in the exports', async () => {
		const json = JSON.parse(await readFile(path.join(build.dist, 'events/democon/schedule.json'), 'utf8'));
		const first = json.schedule.conference.days[0].rooms['Gray Room'][0];
		expect(first).toMatchObject({ id: 25, guid: '8079583e-8321-506c-95af-fd2903a5f075', date: '2020-12-14T09:00:00+01:00', duration: '00:30' });
	});

	it('exports an RFC 5545 calendar with a VTIMEZONE, stable UIDs and folded lines', async () => {
		const text = await readFile(path.join(build.dist, 'events/fosdem-2020/schedule.ics'), 'utf8');
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
		expect(text).toMatch(/\r\n [^\r\n]/);
		const { calendar, events } = parseCalendar(text);
		expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
		expect(events).toHaveLength(47);
		expect(new Set(events.map((event) => event.uid)).size).toBe(47);
		const kernel = events.find((event) => event.uid.startsWith('fosdem-2020.linux-kernel@'))!;
		expect(kernel.summary).toBe('The Linux Kernel: We have to finish this thing one day ;)');
		expect(kernel.startDate.toJSDate().toISOString()).toBe('2020-02-01T09:00:00.000Z');
		expect(kernel.endDate.toJSDate().toISOString()).toBe('2020-02-01T09:50:00.000Z');
		expect(kernel.location).toContain('Janson');
		const democon = parseCalendar(await readFile(path.join(build.dist, 'events/democon/schedule.ics'), 'utf8'));
		const first = democon.events.find((event) => event.summary === 'Focused 5thgeneration hardware')!;
		expect(first.startDate.toJSDate().toISOString()).toBe('2020-12-14T08:00:00.000Z');
	});

	it('exports the basic fixture’s programme too', async () => {
		const { dist } = await builtSite('basic');
		expect(await xsdErrors(path.join(dist, 'events/democonf-2024/schedule.xml'))).toBe('');
		const { events } = parseCalendar(await readFile(path.join(dist, 'events/democonf-2024/schedule.ics'), 'utf8'));
		expect(events.map((event) => event.summary)).toEqual(['Packaging with apk']);
	});
});

describe('npm run import on bad input', () => {
	it('exits non-zero with the file and location, writing nothing', async () => {
		const result = spawnSync(
			path.join(projectRoot, 'node_modules/.bin/tsx'),
			['scripts/import.ts', fixture('voc-schedule.schema.json'), '--content', path.join(outputRoot, 'schedule-bad-content')],
			{ cwd: projectRoot, encoding: 'utf8' },
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`error: ${fixture('voc-schedule.schema.json')}: document: expected { "schedule": { "conference": { … } } }`);
		expect(existsSync(path.join(outputRoot, 'schedule-bad-content'))).toBe(false);
	});
});
