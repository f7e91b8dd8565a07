import { describe, expect, it } from 'vitest';
import {
	barHeight,
	chartRows,
	chartSummary,
	labelCharacters,
	rowHeight,
	shownLabel,
} from '#lib/view/bar-chart.ts';

describe('chartRows', () => {
	it('draws each bar as a share of the longest, one row each', () => {
		const { rows, height } = chartRows([
			{ label: '2019', value: 775 },
			{ label: '2020', value: 872 },
			{ label: '2024', value: 0 },
		]);
		expect(height).toBe(3 * rowHeight);
		expect(rows.map((row) => row.percent)).toEqual([78.2, 88, 0]);
		expect(rows[1]).toMatchObject({
			labelY: rowHeight + 16,
			barY: rowHeight + 21,
			valueY: rowHeight + 21 + barHeight - 2,
		});
	});

	it('draws nothing wide for an empty chart', () => {
		expect(chartRows([])).toEqual({ rows: [], height: 0 });
		expect(chartRows([{ label: 'a', value: 0 }]).rows[0]!.percent).toBe(0);
	});
});

describe('shownLabel', () => {
	it('draws a label that fits whole, and cuts a longer one after a word', () => {
		expect(shownLabel('Saal 1')).toBe('Saal 1');
		const fits = 'x'.repeat(labelCharacters);
		expect(shownLabel(fits)).toBe(fits);
		expect(shownLabel('Chaos-West Bühne: Assembly of Critical Hackers & Makers')).toBe(
			'Chaos-West Bühne: Assembly of…',
		);
		expect(
			chartRows([{ label: 'Chaos-West Bühne: Assembly of Critical Hackers & Makers', value: 1 }])
				.rows[0],
		).toMatchObject({
			label: 'Chaos-West Bühne: Assembly of Critical Hackers & Makers',
			shownLabel: 'Chaos-West Bühne: Assembly of…',
		});
	});

	it('cuts a label without spaces where it must', () => {
		const shown = shownLabel('Ü'.repeat(60));
		expect(shown).toBe(`${'Ü'.repeat(labelCharacters - 1)}…`);
		expect([...shown]).toHaveLength(labelCharacters);
	});
});

describe('chartSummary', () => {
	it('reads every value out', () => {
		expect(
			chartSummary(
				'Talks per edition',
				[
					{ label: '2019', value: 775 },
					{ label: '2020', value: 1872 },
				],
				'talks',
			),
		).toBe('Talks per edition: 2019, 775 talks; 2020, 1,872 talks.');
	});
});
