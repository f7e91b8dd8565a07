import { readFile, stat } from 'node:fs/promises';
import { limits } from '#lib/content/limits.ts';
import { decodeText, formatBytes } from '#lib/content/text-file.ts';
import { ScheduleError, type Schedule } from './model';
import { parseFrabJson } from './parse-frab-json';
import { parseFrabXml } from './parse-frab-xml';

/**
 * Reads a schedule file as text: UTF-8, or UTF-16 with a byte order mark (some Windows tools
 * write it), within the size limit. Every refusal names the file and what was expected.
 */
export async function readScheduleFile(file: string): Promise<string> {
	const stats = await stat(file).catch((error: NodeJS.ErrnoException) => {
		throw new ScheduleError(
			file,
			'file',
			error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code ?? error.message})`,
		);
	});
	if (stats.isDirectory())
		throw new ScheduleError(
			file,
			'file',
			'is a folder; expected a schedule.xml or schedule.json file',
		);
	if (!stats.isFile())
		throw new ScheduleError(
			file,
			'file',
			'is not a regular file; expected a schedule.xml or schedule.json file',
		);
	if (stats.size > limits.scheduleFileBytes) {
		throw new ScheduleError(
			file,
			'file',
			`is ${formatBytes(stats.size)}; the limit for a schedule is ${formatBytes(limits.scheduleFileBytes)}`,
		);
	}
	const decoded = decodeText(await readFile(file), { utf16: true });
	if ('problem' in decoded) {
		const { line, column, message, hint } = decoded.problem;
		throw new ScheduleError(file, `line ${line}, column ${column}`, `${message}; ${hint}`);
	}
	return decoded.text;
}

/** Reads a frab/pretalx export, telling XML from JSON by its first character. */
export function parseSchedule(source: string, file: string): Schedule {
	const text = source.replace(/^\uFEFF/, '');
	const first = text.trimStart()[0];
	if (first === '<') return parseFrabXml(text, file);
	if (first === '{') return parseFrabJson(text, file);
	throw new ScheduleError(
		file,
		'line 1',
		`expected a frab schedule.xml or schedule.json, found ${first ? `text starting ${JSON.stringify(text.trimStart().slice(0, 20))}` : 'an empty file'}`,
	);
}
