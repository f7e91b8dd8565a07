import { ScheduleError, type Schedule } from './model';
import { parseFrabJson } from './parse-frab-json';
import { parseFrabXml } from './parse-frab-xml';

/** Reads a frab/pretalx export, telling XML from JSON by its first character. */
export function parseSchedule(source: string, file: string): Schedule {
	const text = source.replace(/^\uFEFF/, '');
	const first = text.trimStart()[0];
	if (first === '<') return parseFrabXml(text, file);
	if (first === '{') return parseFrabJson(text, file);
	throw new ScheduleError(
		file,
		'line 1',
		`expected a frab schedule.xml or schedule.json, found ${first ? `text starting "${text.trimStart().slice(0, 20)}"` : 'an empty file'}`,
	);
}
