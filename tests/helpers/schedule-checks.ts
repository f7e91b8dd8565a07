import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import ICAL from 'ical.js';
import type { ExportTalk } from '#lib/schedule/export-model.ts';
import { ScheduleError } from '#lib/schedule/model.ts';

const schedules = new URL('../fixtures/schedules/', import.meta.url);
export const vocXsd = new URL('voc-schedule.xml.xsd', schedules).pathname;

/**
 * Validates a schedule.xml with libxml2's xmllint against the C3VOC XSD; returns its complaints.
 * Throws when xmllint cannot run, so a missing tool fails the test instead of passing it.
 */
export async function xsdErrors(file: string): Promise<string> {
	try {
		await promisify(execFile)('xmllint', ['--noout', '--schema', vocXsd, file]);
		return '';
	} catch (error) {
		const { code, stderr } = error as { code?: number | string; stderr?: string };
		// xmllint exits 3 when the schema rejects the file (4 for a schema it cannot read, 1 for broken XML).
		if (typeof code === 'number' && stderr) return stderr;
		if (code === 'ENOENT')
			throw new Error(
				'xmllint is not installed: install libxml2-utils (Debian, Ubuntu) or libxml2 (elsewhere) to validate schedule.xml exports',
				{
					cause: error,
				},
			);
		throw error;
	}
}

/** The C3VOC JSON schema (draft-06) with real format checks (uri, date-time, uuid...). */
export function vocJsonValidator() {
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addMetaSchema(draft06);
	addFormats.default(ajv);
	ajv.addFormat('color', /^#[0-9a-f]{6}$/i);
	return ajv.compile(
		JSON.parse(readFileSync(new URL('voc-schedule.schema.json', schedules), 'utf8')),
	);
}

/** Parses an iCalendar file with ical.js, registering its VTIMEZONEs so times resolve through them. */
export function parseCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	return {
		calendar,
		events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)),
	};
}

/** The ScheduleError a read throws, so tests can check where it points. */
export function scheduleRejection(read: () => unknown): ScheduleError {
	try {
		read();
	} catch (error) {
		if (error instanceof ScheduleError) return error;
		throw error;
	}
	throw new Error('expected the schedule to be rejected');
}

/** A timed talk as the schedule writers take it, with what a test names changed. */
export const exportTalk = (overrides: Partial<ExportTalk>): ExportTalk => ({
	id: 'e/t',
	title: 'T',
	day: '2024-03-09',
	start: '10:00',
	duration: 30,
	kind: 'talk',
	url: 'https://hub.example/talks/e/t/',
	speakers: [],
	links: [],
	topics: [],
	...overrides,
});
