/**
 * When the search page loads Pagefind: never before the page's first paint, so the reader sees
 * the page (and Lighthouse its largest text) at once, and the script's work starts after it.
 */

/** Resolves once the page has painted: the frame after the next one has begun. */
export const afterFirstPaint = () =>
	new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Resolves when the reader reaches for the box (a pointer on it, focus, typing) or, failing
 * that, once the page is painted and the browser is idle: the filters and the full list appear
 * without a move from the reader, but after what the first screen needs.
 */
export function whenReachedOrIdle(box: HTMLElement): Promise<void> {
	const idleTimeout = 2000;
	return new Promise((resolve) => {
		for (const type of ['pointerdown', 'focus', 'input'])
			box.addEventListener(type, () => resolve(), { once: true });
		afterFirstPaint().then(() => {
			// Safari has no requestIdleCallback: a timer stands in.
			if ('requestIdleCallback' in window)
				requestIdleCallback(() => resolve(), { timeout: idleTimeout });
			else setTimeout(resolve, idleTimeout);
		});
	});
}
