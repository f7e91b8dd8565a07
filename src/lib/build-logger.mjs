// @ts-check
// Loaded by Astro with a plain `import()` (the `logger` entry of astro.config.mjs), hence JavaScript.
import nodeLogger from 'astro/logger/node';

// eslint-disable-next-line no-control-regex
const colours = /\x1b\[[0-9;]*m/g;
const plain = (/** @type {string} */ text) => text.replace(colours, '');

/** `  ├─ /talks/x/index.html`: the first half of the line `astro build` prints for every page. */
const isPageLine = (/** @type {import('astro').AstroLoggerMessage} */ event) => event.label === null && /^\s*[├└]─ /.test(plain(event.message));
/** ` (+12ms)`, ` (cached)`, ` (restored)`: the second half. */
const isPageTiming = (/** @type {import('astro').AstroLoggerMessage} */ event) =>
	event.label === 'SKIP_FORMAT' && /^\s*\((\+[\d.]+\s*m?s|cached|restored)\)\s*$/.test(plain(event.message));

/**
 * Passes every log event on except the one line per page that `astro build` prints, which buries
 * what matters (warnings, the summary) under hundreds of paths. A page line is still printed
 * when anything else comes before its timing: a warning while rendering it, or "file not created".
 * @param {import('astro').AstroLoggerDestination} destination
 * @returns {import('astro').AstroLoggerDestination}
 */
export function withoutPageLines(destination) {
	/** @type {import('astro').AstroLoggerMessage | undefined} */
	let page;
	return {
		write(event) {
			if (isPageLine(event)) {
				page = event;
				return;
			}
			if (isPageTiming(event)) {
				page = undefined;
				return;
			}
			if (page) destination.write(page);
			page = undefined;
			destination.write(event);
		},
	};
}

/**
 * Astro's own terminal logger, without the page lines.
 * @param {{ level?: import('astro').AstroLoggerLevel }} [config]
 */
export default function buildLogger(config) {
	return withoutPageLines(nodeLogger(config));
}
