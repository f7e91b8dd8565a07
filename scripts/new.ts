/**
 * `npm run new -- <type> [--title …] [--event …] [--id …]`: creates a valid entry of any type.
 * In a terminal it asks for what the flags did not give; otherwise missing required flags are
 * an error. It never overwrites an existing entry.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { contentDir as defaultContentDir } from '#lib/content/content-dir.ts';
import { entryTypes, type EntryType } from '#lib/content/collections.ts';
import { collectAnswers, planEntry, scaffoldFields, ScaffoldError } from '#tools/scaffold.ts';

const fieldNames = [
	...new Set(Object.values(scaffoldFields).flatMap((fields) => fields.map((field) => field.name))),
];
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		content: { type: 'string', default: defaultContentDir },
		id: { type: 'string' },
		...Object.fromEntries(fieldNames.map((name) => [name, { type: 'string' as const }])),
	},
});
const types: readonly string[] = entryTypes;
const interactive = process.stdin.isTTY && process.stdout.isTTY;
const terminal = interactive
	? createInterface({ input: process.stdin, output: process.stdout })
	: undefined;

try {
	let type = positionals[0];
	if (!type && terminal) type = (await terminal.question(`Type (${types.join(', ')}): `)).trim();
	if (!type || !types.includes(type)) {
		throw new ScaffoldError(
			`${type ? `unknown type "${type}"` : 'no type given'}; usage: npm run new -- <${types.join('|')}> [--title …]`,
		);
	}
	const given = Object.fromEntries(
		fieldNames.map((name) => [name, (values as Record<string, string | undefined>)[name]]),
	);
	const answers = await collectAnswers(
		type as EntryType,
		given,
		terminal &&
			((question, fallback) =>
				terminal.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)),
	);
	const contentDir = path.resolve(values.content);
	const entry = await planEntry(contentDir, type as EntryType, answers, values.id);
	await mkdir(path.dirname(entry.file), { recursive: true });
	// `wx` fails if the file appeared meanwhile: a contributor's file is never overwritten.
	await writeFile(entry.file, entry.text, { flag: 'wx' });
	console.log(
		`created ${path.relative(process.cwd(), entry.file)} (id "${entry.id}"). Fill in the body, then run npm run check.`,
	);
} catch (error) {
	if (!(error instanceof ScaffoldError) && (error as NodeJS.ErrnoException).code !== 'EEXIST')
		throw error;
	console.error(`npm run new: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	terminal?.close();
}
