import { extractFrontmatter, parseFrontmatter } from 'astro/markdown';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { limits } from '#lib/content/limits.ts';
import { isPlainDate } from '#lib/time.ts';
import { positionFinder, type Position } from '#lib/content/text-file.ts';

export type { Position };

export interface ParsedEntrySource {
	data: Record<string, unknown>;
	/**
	 * The body as Astro's glob loader passes it on: the whole file with the front matter
	 * blanked out by spaces, so every body position is the file's own line and column.
	 */
	body: string;
	/** Where a front matter field (or the nearest existing parent) is written in the file. */
	locate(path: readonly PropertyKey[]): Position;
	/** What keeps the front matter from being read (YAML syntax, TOML, alias bombs), located in the file. */
	syntaxErrors: { message: string; position: Position }[];
}

/** Where the front matter of a file is, split exactly where Astro splits it. */
export interface FrontmatterSpan {
	/** The YAML text between the delimiters. */
	yaml: string;
	/** Offset of `yaml` in the file. */
	yamlStart: number;
	/** Offset just after the closing delimiter. */
	end: number;
	delimiter: '---' | '+++';
}

/**
 * Finds the front matter with Astro's own function (`astro/markdown`, the one its glob loader and
 * MDX use): the closing `---` must start a line, so a title such as `a --- b ---` stays inside.
 */
export function findFrontmatter(text: string): FrontmatterSpan | undefined {
	const yaml = extractFrontmatter(text);
	if (yaml === undefined) return undefined;
	for (const delimiter of ['---', '+++'] as const) {
		// Astro blanks out the first occurrence of delimiter + YAML + delimiter: the same span.
		const start = text.indexOf(`${delimiter}${yaml}${delimiter}`);
		if (start !== -1)
			return { yaml, yamlStart: start + 3, end: start + 3 + yaml.length + 3, delimiter };
	}
	return undefined;
}

/** A Markdown/MDX file's body: what follows its front matter, or the whole text without one. */
export const markdownBody = (text: string) => text.slice(findFrontmatter(text)?.end ?? 0);

/**
 * YAML aliases that expand past this many nodes are refused. Astro's parser (js-yaml) shares
 * aliased nodes, and serialising its result for the content store expands them: a ten-line
 * "billion laughs" file would hang the build.
 */
const maxAliasCount = 100;

const firstLine: Position = { line: 1, column: 1 };

/**
 * Where YAML flow collections (`[…]`, `{…}`) first nest deeper than `limits.markupDepth`, outside
 * quotes and comments: both YAML parsers recurse once a level, and 5,000 nested `[` overflowed
 * the stack (reported as a YAML error whose place depended on the stack). Erring high is fine.
 */
function deepFlowOffset(yaml: string): number | undefined {
	let depth = 0;
	let quote: string | undefined;
	for (let index = 0; index < yaml.length; index++) {
		const character = yaml[index]!;
		// An apostrophe in plain text (`Ada's`) is no quote: any quote ends with its line here.
		if (character === '\n') quote = undefined;
		else if (quote) {
			if (character === quote) quote = undefined;
			else if (character === '\\' && quote === '"') index++;
		} else if (character === '"' || character === "'") quote = character;
		else if (character === '#' && /\s/.test(yaml[index - 1] ?? ' ')) {
			const end = yaml.indexOf('\n', index);
			index = (end === -1 ? yaml.length : end) - 1;
		} else if (character === '[' || character === '{') {
			if (++depth > limits.markupDepth) return index;
		} else if (character === ']' || character === '}') depth = Math.max(0, depth - 1);
	}
	return undefined;
}

/**
 * Splits a Markdown/MDX file into front matter and body as Astro does, and keeps positions so
 * every problem can point at the line to fix (Astro's own errors say `0:0`). The data is
 * Astro's own parse (js-yaml); the `yaml` package reads the same text again for positions, for
 * its clearer syntax messages and to refuse alias bombs.
 */
export function parseEntrySource(text: string): ParsedEntrySource {
	const span = findFrontmatter(text);
	if (!span) return { data: {}, body: text, locate: () => firstLine, syntaxErrors: [] };
	const at = positionFinder(text);
	const blanked = blankFrontmatter(text, span);
	const failed = (syntaxErrors: ParsedEntrySource['syntaxErrors']): ParsedEntrySource => ({
		data: {},
		body: blanked,
		locate: () => firstLine,
		syntaxErrors,
	});

	if (span.delimiter === '+++') {
		return failed([
			{
				message: 'front matter is TOML (between +++ lines); the hub reads YAML between --- lines',
				position: at(span.yamlStart - 3),
			},
		]);
	}
	// An error at the very end (an unclosed bracket) is shown at the end of the last line, not on the closing `---`.
	const toPosition = (offset: number) =>
		at(span.yamlStart + Math.min(offset, span.yaml.trimEnd().length));
	const tooDeep = deepFlowOffset(span.yaml);
	if (tooDeep !== undefined) {
		return failed([
			{
				message: `front matter nests brackets deeper than ${limits.markupDepth} levels, the limit`,
				position: toPosition(tooDeep),
			},
		]);
	}
	const document = parseDocument(span.yaml, { prettyErrors: false, uniqueKeys: true });
	if (document.errors.length) {
		return failed(
			document.errors.map((error) => ({
				message: `front matter is not valid YAML: ${error.message.split('\n')[0]!}`,
				position: toPosition(error.pos[0]),
			})),
		);
	}
	// Only a document with aliases can expand; the others skip a second conversion.
	try {
		if (span.yaml.includes('*')) document.toJS({ maxAliasCount });
	} catch (error) {
		const alias = /alias/i.test((error as Error).message) ? span.yaml.search(/\*[^\s,\]}]+/) : -1;
		return failed([
			{
				message: `front matter aliases (*name) expand to more than ${maxAliasCount} copies; write the values out instead`,
				position: alias === -1 ? toPosition(0) : toPosition(alias),
			},
		]);
	}

	let data: unknown;
	try {
		data = parseFrontmatter(text).frontmatter;
	} catch (error) {
		const mark = (error as { mark?: { position?: number } }).mark;
		const message = (error as Error).message.split('\n')[0]!.replace(/\s*\(\d+:\d+\)$/, '');
		return failed([
			{
				message: `front matter is not valid YAML: ${message}`,
				position: mark?.position === undefined ? toPosition(0) : toPosition(mark.position),
			},
		]);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return failed([
			{
				message: 'front matter must be fields written `name: value`, not a list or a single value',
				position: toPosition(Math.max(0, span.yaml.search(/\S/))),
			},
		]);
	}

	const locate = (path: readonly PropertyKey[]): Position => {
		let node: unknown = document.contents;
		let found: Node | undefined;
		for (const segment of path) {
			if (isMap(node)) {
				const pair = node.items.find(
					(item) => (item.key as { value?: unknown })?.value === segment,
				);
				if (!pair) break;
				found = pair.key as Node;
				node = pair.value;
			} else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
				node = node.items[segment];
				found = node as Node;
			} else {
				break;
			}
		}
		// A missing required field points at the opening `---`.
		return found?.range ? toPosition(found.range[0]) : at(span.yamlStart - 3);
	};

	return {
		data: keepImpossibleDates(data, document) as Record<string, unknown>,
		body: blanked,
		locate,
		syntaxErrors: [],
	};
}

/**
 * js-yaml rolls an impossible date over (`2021-13-01` becomes 2022-01-01) where the schema
 * should see what was written: such dates go back to their text, which the schema rejects.
 */
function keepImpossibleDates(
	value: unknown,
	document: Document,
	path: PropertyKey[] = [],
): unknown {
	if (value instanceof Date) {
		const written = document.getIn(path, true);
		const text = isScalar(written) && typeof written.value === 'string' ? written.value : undefined;
		return text &&
			!Number.isNaN(value.getTime()) &&
			text.slice(0, 10) !== value.toISOString().slice(0, 10)
			? text
			: value;
	}
	if (Array.isArray(value))
		return value.map((item, index) => keepImpossibleDates(item, document, [...path, index]));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [
				key,
				keepImpossibleDates(item, document, [...path, key]),
			]),
		);
	}
	return value;
}

/** The file with its front matter blanked out by spaces, as Astro's glob loader passes the body on. */
const blankFrontmatter = (text: string, span: FrontmatterSpan) =>
	`${text.slice(0, span.yamlStart - 3)}${' '.repeat(3)}${span.yaml.replace(/[^\r\n]/g, ' ')}${' '.repeat(3)}${text.slice(span.end)}`;

/** Every `YYYY-MM-DD` in the text is a real date: js-yaml would roll `2021-13-01` over unnoticed. */
const datesAreReal = (yaml: string) =>
	[...yaml.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].every(([date]) => isPlainDate(date));

/**
 * The front matter's data and body without positions, for a reader of thousands of files (the
 * importer, the checks of an import): Astro's parse alone when nothing needs the second reading
 * (no alias to expand, no impossible date to keep). Anything else, and any error, goes through
 * `parseEntrySource` for its checks and located messages.
 */
export function readEntryData(
	text: string,
): Pick<ParsedEntrySource, 'data' | 'syntaxErrors' | 'body'> {
	const span = findFrontmatter(text);
	if (!span) return { data: {}, syntaxErrors: [], body: text };
	if (span.delimiter === '---' && !span.yaml.includes('*') && datesAreReal(span.yaml)) {
		try {
			const data: unknown = parseFrontmatter(text).frontmatter;
			if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
				return {
					data: data as Record<string, unknown>,
					syntaxErrors: [],
					body: blankFrontmatter(text, span),
				};
			}
		} catch {
			// Located below.
		}
	}
	return parseEntrySource(text);
}
