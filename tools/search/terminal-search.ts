import { parseArgs } from 'node:util';
import { closestMatches } from '#lib/search/suggest.ts';
import { openBuiltIndex, type SearchHit } from './pagefind-node';
import { dateSort, resolveFilters, type UnknownFilterValue } from '#lib/search/search-query.ts';
import { searchFacetKeys, searchFacets } from '#lib/search/search-record.ts';

export const searchUsage = `Usage: npm run search -- "query" [options]

Searches the built site's Pagefind index (run \`npm run build\` first).

Options:
${searchFacets.map((facet) => `  ${`--${facet.key} <${facet.key}>`.padEnd(21)}${facet.hint}`).join('\n')}
  --newest             newest first instead of by relevance
  --limit <n>          how many results to print (default 10)
  --json               print the results as JSON
  --dist <dir>         the built site to search (default dist)
  --help`;

export interface TerminalSearchOptions {
	term: string;
	filters: Record<string, string[]>;
	newestFirst: boolean;
	limit: number;
	json: boolean;
	dist: string;
}

/** A mistake in the command line, reported with the usage. */
export class UsageError extends Error {}

/** Reads `npm run search` arguments; throws a `UsageError` naming what is wrong. */
export function parseSearchArgs(argv: readonly string[]): TerminalSearchOptions | 'help' {
	const filterOptions = Object.fromEntries(
		searchFacetKeys.map((key) => [key, { type: 'string', multiple: true } as const]),
	);
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			options: {
				...filterOptions,
				newest: { type: 'boolean' },
				limit: { type: 'string' },
				json: { type: 'boolean' },
				dist: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const { values, positionals } = parsed;
	if (values.help) return 'help';
	const filters: Record<string, string[]> = {};
	for (const key of searchFacetKeys) {
		const given = (values as Record<string, unknown>)[key] as string[] | undefined;
		if (given?.length) filters[key] = given;
	}
	const term = positionals.join(' ').trim();
	if (!term && Object.keys(filters).length === 0)
		throw new UsageError('expected a query or at least one filter');
	const limit = Number(values.limit ?? 10);
	if (!Number.isInteger(limit) || limit < 1)
		throw new UsageError(`--limit: expected a positive whole number, found "${values.limit}"`);
	return {
		term,
		filters,
		newestFirst: Boolean(values.newest),
		limit,
		json: Boolean(values.json),
		dist: values.dist ?? 'dist',
	};
}

/** `--event fosdem-2021: no such event; did you mean fosdem-2020?` */
export function describeUnknownFilter({ key, written, known }: UnknownFilterValue): string {
	const close = closestMatches(written, known);
	const hint = close.length
		? `did you mean ${close.join(', ')}?`
		: `known: ${known.join(', ') || 'none'}`;
	return `--${key} ${written}: no such ${key} in the index; ${hint}`;
}

export interface TerminalSearchResult {
	total: number;
	hits: SearchHit[];
}

/** Runs a search against a built site; unknown filter values are errors, not silently ignored. */
export async function runTerminalSearch(
	options: TerminalSearchOptions,
): Promise<TerminalSearchResult> {
	const index = await openBuiltIndex(options.dist);
	const { filters, unknown } = resolveFilters(await index.filters(), options.filters);
	if (unknown.length) throw new UsageError(unknown.map(describeUnknownFilter).join('\n'));
	return index.search(options.term, {
		filters,
		sort: options.newestFirst ? dateSort : undefined,
		limit: options.limit,
	});
}

const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	'#x27': "'",
};
/** Pagefind's HTML excerpt as text, the matched words passed to `mark` (bold on a terminal). */
export function excerptText(html: string, mark: (word: string) => string = (word) => word): string {
	return html
		.replace(/<mark>(.*?)<\/mark>/g, (_, word: string) => mark(word))
		.replace(/<[^>]+>/g, '')
		.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => entities[name]!);
}

/** Ranked results for reading: title, then type · event · date, then URL and excerpt. */
export function formatHits(result: TerminalSearchResult, mark?: (word: string) => string): string {
	if (result.hits.length === 0) return 'No results.';
	const lines = result.hits.flatMap((hit, index) => [
		`${index + 1}. ${hit.title}`,
		`   ${[hit.type, hit.event, hit.date].filter(Boolean).join(' · ')}`,
		`   ${hit.url}`,
		`   ${excerptText(hit.excerpt, mark)}`,
		'',
	]);
	const results = result.total === 1 ? 'result' : 'results';
	const shown =
		result.hits.length < result.total
			? `${result.hits.length} of ${result.total} ${results}`
			: `${result.total} ${results}`;
	return [...lines, shown].join('\n');
}

/** The results as JSON, excerpts as plain text. */
export function hitsAsJson(result: TerminalSearchResult): string {
	const hits = result.hits.map((hit, index) => ({
		rank: index + 1,
		...hit,
		excerpt: excerptText(hit.excerpt),
	}));
	return JSON.stringify({ total: result.total, hits }, null, '\t');
}
