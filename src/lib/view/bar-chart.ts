/**
 * The geometry of the hub's bar charts (`src/components/BarChart.astro`): one row per bar, the
 * label above its bar, bars as a share of the chart's width so the SVG needs no scaling and
 * its text keeps the page's size on any screen.
 */

export interface Bar {
	label: string;
	value: number;
}

export interface ChartRow extends Bar {
	/** The label as drawn: cut with an ellipsis past `labelCharacters` (SVG text cannot wrap). */
	shownLabel: string;
	/** The bar's width in percent of the chart's; the longest bar leaves room for its number. */
	percent: number;
	/** Baselines and top, in pixels from the top of the chart. */
	labelY: number;
	barY: number;
	valueY: number;
}

export const rowHeight = 40;
export const barHeight = 14;
/** The longest bar's share of the width, so the number after it fits. */
const widest = 88;
/**
 * The longest label drawn whole: about the width of a 320 px screen at the chart's text size.
 * A congress's room ("Chaos-West Bühne: Assembly of …") can be longer; the description and
 * the table beside the chart give it whole.
 */
export const labelCharacters = 34;

/** `label`, or its words that fit in `labelCharacters` followed by "…". */
export function shownLabel(label: string): string {
	const characters = [...label];
	if (characters.length <= labelCharacters) return label;
	const cut = characters.slice(0, labelCharacters - 1).join('');
	const atWord = cut.replace(/[\s,;:–-]+\S*$/u, '');
	return `${(atWord.length >= labelCharacters / 2 ? atWord : cut).trimEnd()}…`;
}

export function chartRows(bars: readonly Bar[]): { rows: ChartRow[]; height: number } {
	const max = Math.max(0, ...bars.map((bar) => bar.value));
	const rows = bars.map((bar, index) => {
		const top = index * rowHeight;
		return {
			...bar,
			shownLabel: shownLabel(bar.label),
			percent: max ? Math.round((bar.value / max) * widest * 10) / 10 : 0,
			labelY: top + 16,
			barY: top + 21,
			valueY: top + 21 + barHeight - 2,
		};
	});
	return { rows, height: bars.length * rowHeight };
}

/** The chart in words, for the SVG's description: every label with its value. */
export const chartSummary = (title: string, bars: readonly Bar[], unit: string) =>
	`${title}: ${bars.map((bar) => `${bar.label}, ${bar.value.toLocaleString('en')} ${unit}`).join('; ')}.`;
