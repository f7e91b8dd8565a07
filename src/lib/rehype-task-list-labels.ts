interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
}

/**
 * GFM task lists render unlabelled, disabled checkboxes, which screen readers announce as a
 * bare "checkbox" (axe: "Form elements must have labels"). This names each one by its state.
 */
export function rehypeTaskListLabels() {
	const label = (node: HastNode) => {
		if (node.tagName === 'input' && node.properties?.type === 'checkbox' && !node.properties.ariaLabel) {
			node.properties.ariaLabel = node.properties.checked ? 'Done' : 'Not done';
		}
		node.children?.forEach(label);
	};
	return (tree: HastNode) => label(tree);
}
