import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** The four Lighthouse categories the hub aims at 100 in. */
export const lighthouseCategories = [
	'performance',
	'accessibility',
	'best-practices',
	'seo',
] as const;
export type LighthouseCategory = (typeof lighthouseCategories)[number];

export interface LighthouseResult {
	label: string;
	path: string;
	scores: Record<LighthouseCategory, number>;
	/** Audits that kept a category under 100, by title. */
	failing: string[];
}

/**
 * Runs Lighthouse (mobile, its default simulated throttling) on each page in one headless
 * Chromium, one page at a time.
 */
export async function runLighthouse(
	origin: string,
	pages: readonly { label: string; path: string }[],
	chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<LighthouseResult[]> {
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const results: LighthouseResult[] = [];
	try {
		for (const page of pages) {
			const run = await lighthouse(`${origin}${page.path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...lighthouseCategories],
			});
			if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
			const { categories, audits } = run.lhr;
			const scores = Object.fromEntries(
				lighthouseCategories.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
			) as LighthouseResult['scores'];
			const failing = lighthouseCategories.flatMap((id) =>
				(categories[id]?.auditRefs ?? [])
					.filter(
						(ref) =>
							ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1,
					)
					.map((ref) => `${id}: ${audits[ref.id]!.title}`),
			);
			results.push({ ...page, scores, failing });
		}
	} finally {
		await chrome.kill();
	}
	return results;
}

/**
 * Each page's run with the median performance score, from several rounds of `runLighthouse`
 * over the same pages: one run of a busy machine says little (docs/benchmarks.md). The run is
 * kept whole, so its other scores and what held it back stay its own.
 */
export function medianRuns(rounds: readonly (readonly LighthouseResult[])[]): LighthouseResult[] {
	const [first = []] = rounds;
	return first.map((page, index) => {
		const runs = rounds
			.map((round) => round[index]!)
			.sort((a, b) => a.scores.performance - b.scores.performance);
		if (runs.some((run) => run.path !== page.path))
			throw new Error(`medianRuns: the rounds do not list the same pages (${page.path})`);
		// The lower middle of an even count: a score the machine really gave.
		return runs[Math.floor((runs.length - 1) / 2)]!;
	});
}

/** A Markdown table: one row per page, one column per category, then what held a score back. */
export function formatLighthouseTable(results: readonly LighthouseResult[]): string {
	const header = ['page', 'path', 'performance', 'accessibility', 'best practices', 'SEO'];
	const rows = results.map((result) => [
		result.label,
		`\`${result.path}\``,
		...lighthouseCategories.map((id) => String(result.scores[id])),
	]);
	const table = [header, header.map((_, index) => (index < 2 ? '---' : '---:')), ...rows]
		.map((cells) => `| ${cells.join(' | ')} |`)
		.join('\n');
	const held = results.flatMap((result) =>
		result.failing.map((audit) => `- ${result.label}: ${audit}`),
	);
	return held.length ? `${table}\n\nBelow 100 because of:\n\n${held.join('\n')}` : table;
}
