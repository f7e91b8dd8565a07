import { createProcessor } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { mdxComponentNames } from '#components/mdx/names.ts';
import { siteConfig } from '../../site.config';
import { findMarkupLimitProblem } from '#lib/markdown/markup-limits.ts';
import { contentSchema, isAllowedUrl, sanitizeContentTree } from '#lib/markdown/sanitize.ts';
import { closestMatches } from '#lib/search/suggest.ts';
import type { Position } from './frontmatter';
import type { Problem } from './problem';

/** A link or image written in an entry's body, located in the file. */
export interface BodyLink extends Position {
	kind: 'link' | 'image';
	url: string;
}

/** What the integrity checks need from a body: its links, images and `<TalkCard id>` references. */
export interface BodyScan {
	problems: Problem[];
	links: BodyLink[];
	talkCards: (Position & { id: string })[];
}

interface MdastNode {
	type: string;
	name?: string | null;
	url?: string;
	identifier?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	position?: { start: { line: number; column: number } };
	children?: MdastNode[];
}

interface MdxParseError {
	reason?: string;
	message: string;
	line?: number;
	column?: number;
}

const rangeInMessage = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/;

/** Where a parse error is: micromark sometimes leaves `line` empty and writes the range into the reason. */
function errorPosition(error: MdxParseError): Position {
	if (error.line) return { line: error.line, column: error.column ?? 1 };
	const match = rangeInMessage.exec(error.reason ?? error.message);
	return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 1, column: 1 };
}

const schema = contentSchema(siteConfig.contentHtml);
const componentsHint = `use the components available without import: ${mdxComponentNames.map((name) => `<${name}>`).join(', ')} (src/components/mdx/)`;
/** Nodes that may hold HTML or code the sanitiser would remove. */
const markupTypes = new Set([
	'html',
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
]);
const mdxTypes = [
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
] as const;

/**
 * What the build's sanitiser (`src/lib/markdown/sanitize.ts`) would remove from this body, as
 * problems at their lines: code (imports, exports, expressions) is an error, since content runs
 * no code; HTML outside the allow-list is a warning, since the page is safe without it.
 */
function sanitiserProblems(
	file: string,
	tree: MdastNode,
	toFile: (line: number, column: number) => Position,
	warned: RemoteImages,
): Problem[] {
	const hast = toHast(tree as unknown as MdastRoot, {
		allowDangerousHtml: true,
		passThrough: [...mdxTypes],
	}) as HastRoot;
	const { tree: clean, removals } = sanitizeContentTree(hast, schema);
	// HTML images (`<img src>`) are only elements once the sanitiser parsed the raw HTML.
	for (const node of walk(clean as unknown as MdastNode)) {
		const { tagName, properties } = node as { tagName?: string; properties?: { src?: unknown } };
		if (tagName === 'img' && typeof properties?.src === 'string') warned.add(node, properties.src);
	}
	return removals.flatMap(({ kind, what, position }): Problem[] => {
		const at = toFile(position?.line ?? 1, position?.column ?? 1);
		if (kind === 'component') return [];
		if (kind === 'attribute')
			return [
				{
					file,
					...at,
					message: `refused: ${what}`,
					hint: 'author components take only the attributes CONTRIBUTING.md lists for them',
				},
			];
		if (kind === 'html') {
			return [
				{
					file,
					...at,
					severity: 'warning',
					message: `removed from the page: ${what}`,
					hint: 'content may use the HTML of docs/security.md; write the rest in Markdown',
				},
			];
		}
		const imports = what.startsWith('import');
		return [
			{
				file,
				...at,
				message: imports
					? 'content may not import or export: MDX imports run code when the site is built'
					: `content may not run code: ${what}`,
				hint: imports ? componentsHint : 'write text instead; in MDX, \\{ writes a literal brace',
			},
		];
	});
}

/**
 * Images from other sites, warned about once each at their place: the page's
 * Content-Security-Policy (`img-src 'self' data:`) keeps browsers from loading them.
 */
class RemoteImages {
	readonly problems: Problem[] = [];
	private readonly seen = new Set<string>();
	constructor(
		private readonly file: string,
		private readonly toFile: (line: number, column: number) => Position,
	) {}
	add(node: MdastNode, url: string): void {
		const start = node.position?.start ?? { line: 1, column: 1 };
		const key = `${start.line}:${start.column}`;
		if (!/^(https?:)?\/\//i.test(url) || this.seen.has(key)) return;
		this.seen.add(key);
		this.problems.push({
			file: this.file,
			...this.toFile(start.line, start.column),
			severity: 'warning',
			message: `image from another site "${url.length > 60 ? `${url.slice(0, 60)}…` : url}": the page's Content-Security-Policy blocks it, so readers see only its alternative text`,
			hint: 'save the image next to the entry and write ![what it shows](./image.png): pages load nothing from other sites',
		});
	}
}

/** Every node of a tree in document order, without recursion (a deep tree cannot overflow the stack). */
function* walk(root: MdastNode): Generator<MdastNode> {
	const stack = [root];
	for (let node = stack.pop(); node; node = stack.pop()) {
		yield node;
		for (let index = (node.children?.length ?? 0) - 1; index >= 0; index--)
			stack.push(node.children![index]!);
	}
}

/**
 * Parses a Markdown or MDX body the way MDX does, so an unclosed tag or a broken `{expression}`
 * is reported with its line before Astro's compiler stops at it, and collects what later
 * checks resolve: links, images and talk cards. `firstLine` is the file line the body starts on.
 */
export function scanBody(
	file: string,
	body: string,
	firstLine: number,
	format: 'md' | 'mdx',
): BodyScan {
	const scan: BodyScan = { problems: [], links: [], talkCards: [] };
	const toFile = (line: number, column: number): Position => ({
		line: line + firstLine - 1,
		column,
	});
	// Before any parser: they recurse once a level and take quadratic time over long paragraphs.
	const overLimit = findMarkupLimitProblem(body, format);
	if (overLimit) {
		const { line, column, ...problem } = overLimit;
		scan.problems.push({ file, ...toFile(line, column), ...problem });
		return scan;
	}
	let tree: MdastNode;
	try {
		tree = createProcessor({ format }).parse(body) as MdastNode;
	} catch (caught) {
		const error = caught as MdxParseError;
		const { line, column } = errorPosition(error);
		const reason = (error.reason ?? error.message).replace(rangeInMessage, '').trim();
		scan.problems.push({
			file,
			...toFile(line, column),
			message: `MDX cannot parse this: ${reason}`,
			hint: /expression|acorn/i.test(reason)
				? 'in MDX, { starts a JavaScript expression: finish it, or write \\{ for a literal brace'
				: 'close every component tag (`<Aside>…</Aside>` or `<TalkCard id="…" />`); write a literal < as \\<',
		});
		return scan;
	}
	let hasMarkup = false;
	const remoteImages = new RemoteImages(file, toFile);
	const imageReferences: MdastNode[] = [];
	const definitions = new Map<string, string>();
	for (const node of walk(tree)) {
		const start = node.position?.start ?? { line: 1, column: 1 };
		if (node.type === 'image' && node.url) remoteImages.add(node, node.url);
		if (node.type === 'imageReference') imageReferences.push(node);
		if (node.type === 'definition' && node.identifier && node.url)
			definitions.set(node.identifier, node.url);
		if (
			markupTypes.has(node.type) ||
			(node.url &&
				!isAllowedUrl(node.url, schema.protocols![node.type === 'image' ? 'src' : 'href']!))
		)
			hasMarkup = true;
		if ((node.type === 'link' || node.type === 'image') && node.url) {
			scan.links.push({ kind: node.type, url: node.url, ...toFile(start.line, start.column) });
		}
		if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name)
			continue;
		// Lower-case names are HTML elements; capitalised ones must be components authors may use.
		if (/^[A-Z]/.test(node.name) && !(mdxComponentNames as readonly string[]).includes(node.name)) {
			const suggestions = closestMatches(node.name, mdxComponentNames);
			scan.problems.push({
				file,
				...toFile(start.line, start.column),
				message: `unknown component <${node.name}>`,
				hint: suggestions.length
					? `did you mean <${suggestions[0]}>?`
					: `components available without import: ${mdxComponentNames.map((name) => `<${name}>`).join(', ')}`,
			});
		}
		if (node.name === 'TalkCard') {
			const id = node.attributes?.find((attribute) => attribute.name === 'id')?.value;
			if (typeof id === 'string') scan.talkCards.push({ id, ...toFile(start.line, start.column) });
			else
				scan.problems.push({
					file,
					...toFile(start.line, start.column),
					message: '<TalkCard> needs id="…", the id of a talk',
				});
		}
	}
	for (const reference of imageReferences) {
		const url = definitions.get(reference.identifier ?? '');
		if (url) remoteImages.add(reference, url);
	}
	if (hasMarkup) scan.problems.push(...sanitiserProblems(file, tree, toFile, remoteImages));
	scan.problems.push(...remoteImages.problems);
	return scan;
}
