import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface Position {
	line: number;
	column: number;
}

export interface ParsedEntrySource {
	data: Record<string, unknown>;
	body: string;
	/** Where a front matter field (or the nearest existing parent) is written in the file. */
	locate(path: readonly PropertyKey[]): Position;
	/** YAML syntax errors, located in the file. */
	syntaxErrors: { message: string; position: Position }[];
}

export const frontmatterPattern = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/**
 * Splits a Markdown/MDX file into its YAML front matter and body, keeping positions so every
 * problem can point at the line to fix (Astro's own errors say `0:0`).
 */
export function parseEntrySource(text: string): ParsedEntrySource {
	const match = frontmatterPattern.exec(text);
	const firstLine: Position = { line: 1, column: 1 };
	if (!match) {
		return { data: {}, body: text, locate: () => firstLine, syntaxErrors: [] };
	}
	const yamlText = match[1]!;
	// The YAML starts on the line after the opening `---`.
	const lineOffset = 1;
	const lineCounter = new LineCounter();
	const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const toPosition = (offset: number): Position => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + lineOffset, column: col };
	};
	const syntaxErrors = document.errors.map((error) => ({
		message: error.message.split('\n')[0]!,
		position: toPosition(error.pos[0]),
	}));
	const value = syntaxErrors.length ? {} : document.toJS();
	const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

	const locate = (path: readonly PropertyKey[]): Position => {
		let node: unknown = document.contents;
		let found: Node | undefined;
		for (const segment of path) {
			if (isMap(node)) {
				const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === segment);
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
		return found?.range ? toPosition(found.range[0]) : firstLine;
	};

	return { data, body: text.slice(match[0].length), locate, syntaxErrors };
}
