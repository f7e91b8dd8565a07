import { limits } from '#lib/content/limits.ts';
import { formatBytes, type Position } from '#lib/content/text-file.ts';

/** How a text is written: Markdown (`.md`, pretalx), MDX (`.mdx`) or HTML (frab XML abstracts). */
export type MarkupFormat = 'md' | 'mdx' | 'html';

/** Where a text passes a markup limit, and what it found there. */
export interface MarkupLimitProblem extends Position {
	message: string;
	hint: string;
}

/** Elements HTML never nests (no end tag), and those whose end tag is optional (a new one closes the last). */
const flatElements = new Set([
	...[
		'area',
		'base',
		'br',
		'col',
		'embed',
		'hr',
		'img',
		'input',
		'link',
		'meta',
		'source',
		'track',
		'wbr',
	],
	...[
		'li',
		'p',
		'dt',
		'dd',
		'tr',
		'td',
		'th',
		'thead',
		'tbody',
		'tfoot',
		'option',
		'optgroup',
		'rt',
		'rp',
		'colgroup',
	],
]);
/** A start or end tag up to its `>` (or the next `<`, which a tag cannot hold: linear, never backtracking over the text), or an MDX fragment. */
const tagPattern = /<(\/?)(?:([A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)?)(?=[\s/>]|$)[^<>]*>?|>)/g;
/** A backslash escape (`\*`, `\<`): the character after it is text. */
const escape = /\\[!-/:-@[-`{-~]/g;
const fencePattern = /^(`{3,}|~{3,})/;
const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** The line under a heading (`Title` then `=====`), which ends the paragraph above it. */
const setextUnderline = /^(?:=+|-+)[ \t]*$/;
const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const emphasisRun = /([*_~])\1*/g;
/** What micromark pairs up inside a paragraph, each attempt a walk back over the others: emphasis runs and brackets. */
const inlineMark = /([*_~])\1*|[[\]]/g;
const whitespace = /\s/;
const punctuation = /[\p{P}\p{S}]/u;

const isSpace = (character: string | undefined) =>
	character === undefined || whitespace.test(character);
const isPunctuation = (character: string | undefined) =>
	character !== undefined && punctuation.test(character);

/** One line with its code spans (`` `a <b>` ``) blanked: their `<` and `*` are text. Linear: each backtick run is paired once. */
function withoutCodeSpans(line: string): string {
	const runs = [...line.matchAll(/`+/g)].map((run) => ({
		start: run.index,
		end: run.index + run[0].length,
		length: run[0].length,
	}));
	const nextOfLength = new Array<number>(runs.length);
	const lastByLength = new Map<number, number>();
	for (let index = runs.length - 1; index >= 0; index--) {
		nextOfLength[index] = lastByLength.get(runs[index]!.length) ?? -1;
		lastByLength.set(runs[index]!.length, index);
	}
	let blanked = '';
	let copied = 0;
	for (let index = 0; index < runs.length; index++) {
		const closing = nextOfLength[index]!;
		if (closing === -1) continue;
		blanked +=
			line.slice(copied, runs[index]!.start) + ' '.repeat(runs[closing]!.end - runs[index]!.start);
		copied = runs[closing]!.end;
		index = closing;
	}
	return blanked + line.slice(copied);
}

/**
 * The nesting one line of Markdown opens with its container markers (`>`, `-`, `1.`) and its
 * indentation (a nested list needs two columns a level), and where its text starts; it stops
 * counting past `limit`.
 */
function containerPrefix(
	line: string,
	limit: number,
): { depth: number; rest: string; listItem: boolean } {
	let index = 0;
	let indent = 0;
	while (line[index] === ' ' || line[index] === '\t') indent += line[index++] === '\t' ? 4 : 1;
	// A blank line opens nothing, however long (the validator blanks front matter out with spaces).
	let depth = line.slice(index).trim() ? Math.floor(indent / 2) : 0;
	let listItem = false;
	for (;;) {
		while (line[index] === ' ' || line[index] === '\t') index++;
		const rest = line.slice(index);
		if (depth > limit) return { depth, rest, listItem };
		if (rest[0] === '>') {
			depth++;
			index++;
			continue;
		}
		const marker = thematicBreak.test(rest) ? null : listMarker.exec(rest);
		if (!marker) return { depth, rest, listItem };
		depth++;
		listItem = true;
		index += marker[0].length;
	}
}

/**
 * Finds where a text nests deeper than `limits.markupDepth` or holds a paragraph past
 * `limits.paragraphBytes` or `limits.paragraphMarks`, in one pass over its characters, before
 * any parser sees it: the Markdown, MDX and HTML parsers and the tree walkers after them recurse
 * once a level (10,000 nested `>` overflowed the stack), and micromark's time grows with the
 * square of a paragraph's emphasis marks and brackets (each closing one walks back over the
 * others, and merging the text between them splices the paragraph's event list: a 425 KB
 * paragraph of unfinished links took 54 s) and of a list's depth. The count errs high:
 * every container marker, indentation step, unclosed HTML element and unclosed emphasis run is
 * a level; code (fenced, or in backticks) is skipped.
 */
export function findMarkupLimitProblem(
	text: string,
	format: MarkupFormat,
): MarkupLimitProblem | undefined {
	const depthLimit = limits.markupDepth;
	const deep = (line: number, column: number, what: string): MarkupLimitProblem => ({
		line,
		column,
		message: `${what} nest deeper than ${depthLimit} levels, the limit`,
		hint: 'flatten the structure: real text needs a few levels of quotes, lists, elements and emphasis',
	});
	let elementDepth = 0;
	let fence: string | undefined;
	let paragraph = { line: 0, bytes: 0 };
	let marks = { line: 0, count: 0 };
	let emphasis: { character: string; length: number }[] = [];
	let emphasisDepth = 0;
	const lines = text.split('\n');
	for (const [index, source] of lines.entries()) {
		const line = index + 1;
		let rest = source;
		let containers = 0;
		if (format !== 'html') {
			const prefix = containerPrefix(source, depthLimit);
			rest = prefix.rest;
			containers = prefix.depth;
			const fenceMark = fencePattern.exec(rest)?.[1];
			if (fence !== undefined) {
				if (
					fenceMark &&
					fenceMark[0] === fence[0] &&
					fenceMark.length >= fence.length &&
					!rest.slice(fenceMark.length).trim()
				)
					fence = undefined;
				continue;
			}
			if (fenceMark) {
				fence = fenceMark;
				continue;
			}
			if (containers > depthLimit) return deep(line, 1, 'quotes and lists');
			// A paragraph ends at a blank line and a block that starts a line; emphasis does not cross it.
			// A table row is a block of its own, but micromark pairs the marks of a whole table at once.
			const ends =
				!rest.trim() || prefix.listItem || rest.startsWith('#') || setextUnderline.test(rest);
			if (ends || rest.startsWith('|')) {
				paragraph = { line, bytes: 0 };
				emphasis = [];
				emphasisDepth = 0;
			}
			if (ends) marks = { line: 0, count: 0 };
			if (rest.trim()) {
				if (!paragraph.bytes) paragraph.line = line;
				if (!marks.line) marks.line = line;
				paragraph.bytes += Buffer.byteLength(rest) + 1;
			}
			rest = withoutCodeSpans(rest).replace(escape, '  ');
			marks.count += rest.match(inlineMark)?.length ?? 0;
			for (const run of rest.matchAll(emphasisRun)) {
				const before = rest[run.index - 1];
				const after = rest[run.index + run[0].length];
				// CommonMark's flanking rules: which runs can open emphasis, which can close it.
				const opens =
					!isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
				const closes =
					!isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
				let length = run[0].length;
				if (closes) {
					const match = emphasis.findLastIndex((open) => open.character === run[1]);
					if (match !== -1) {
						for (const closed of emphasis.splice(match)) emphasisDepth -= closed.length;
						length = 0;
					}
				}
				if (opens && length) {
					emphasis.push({ character: run[1]!, length });
					emphasisDepth += length;
				}
				if (containers + elementDepth + emphasisDepth > depthLimit) {
					return deep(
						line,
						source.length - rest.length + run.index + 1,
						'emphasis, elements, quotes and lists',
					);
				}
			}
		}
		for (const tag of rest.matchAll(tagPattern)) {
			// `<>` and `</>` are fragments in MDX, which nest like elements; in Markdown they are text.
			const name = tag[2]?.toLowerCase();
			if (name === undefined ? format !== 'mdx' : flatElements.has(name)) continue;
			if (tag[1]) {
				elementDepth = Math.max(0, elementDepth - 1);
				continue;
			}
			// `<Aside />` closes itself in MDX; in HTML only void elements do, and `<div/>` opens a div.
			if (format === 'mdx' && tag[0].endsWith('/>')) continue;
			elementDepth++;
			if (containers + elementDepth + emphasisDepth > depthLimit) {
				return deep(
					line,
					source.length - rest.length + tag.index + 1,
					'elements, quotes and lists',
				);
			}
		}
		// Checked after the line's nesting, which says more about a long line than its length does.
		if (paragraph.bytes > limits.paragraphBytes) {
			return {
				line: paragraph.line,
				column: 1,
				message: `this paragraph is over ${formatBytes(limits.paragraphBytes)}, the limit for one paragraph`,
				hint: 'split it with blank lines',
			};
		}
		if (marks.count > limits.paragraphMarks) {
			return {
				line: marks.line,
				column: 1,
				message: `this paragraph has over ${limits.paragraphMarks} emphasis marks and brackets (* _ ~ [ ]), the limit for one paragraph or table`,
				hint: 'split it with blank lines',
			};
		}
	}
	return undefined;
}
