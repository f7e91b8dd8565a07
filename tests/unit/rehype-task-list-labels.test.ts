import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { rehypeTaskListLabels } from '../../src/lib/rehype-task-list-labels';

describe('rehypeTaskListLabels', () => {
	it("names each task list checkbox by its state, and leaves other inputs and given names alone", () => {
		const tree = fromHtml(
			'<ul class="contains-task-list"><li><input type="checkbox" checked disabled> packed</li><li><input type="checkbox" disabled> booked</li>' +
				'<li><input type="checkbox" aria-label="Mine" disabled> named</li></ul><input type="text">',
			{ fragment: true },
		);
		rehypeTaskListLabels()(tree);
		const inputs: Record<string, unknown>[] = [];
		const collect = (node: { tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
			if (node.tagName === 'input') inputs.push(node.properties!);
			for (const child of node.children ?? []) collect(child as typeof node);
		};
		collect(tree);
		expect(inputs.map((input) => input.ariaLabel)).toEqual(['Done', 'Not done', 'Mine', undefined]);
	});
});
