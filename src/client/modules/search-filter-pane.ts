/**
 * Puts Pagefind's filter pane, kept in a `<template>`, into the page once it can be seen: at
 * once beside the results on a wide screen, on a phone when the reader unfolds the filters (or
 * turns the phone until they show). Folded away, its hundreds of checkboxes would be built, and
 * updated on every search, for nobody to see. `witness` is an element shown when the pane is.
 */
export function mountFilterPaneWhenShown(
	template: HTMLTemplateElement,
	witness: HTMLElement,
	onMount: () => void,
) {
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			template.replaceWith(template.content);
			onMount();
		},
		// Anywhere on the page, not only on the screen: being shown is what counts.
		{ rootMargin: '100000px 0px' },
	);
	observer.observe(witness);
}
