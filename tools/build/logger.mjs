// @ts-check
// Loaded by Astro with a plain `import()` (the `logger` entry of astro.config.mjs), hence JavaScript.
import nodeLogger from 'astro/logger/node';

// eslint-disable-next-line no-control-regex
const colours = /\x1b\[[0-9;]*m/g;
const plain = (/** @type {string} */ text) => text.replace(colours, '');

/** `  ├─ /talks/x/index.html`: the first half of the line `astro build` prints for every page. */
const isPageLine = (/** @type {import('astro').AstroLoggerMessage} */ event) =>
	event.label === null && /^\s*[├└]─ /.test(plain(event.message));
/** ` (+12ms)`, ` (cached)`, ` (restored)`: the second half. */
const isPageTiming = (/** @type {import('astro').AstroLoggerMessage} */ event) =>
	event.label === 'SKIP_FORMAT' &&
	/^\s*\((\+[\d.]+\s*m?s|cached|restored)\)\s*$/.test(plain(event.message));

/**
 * Astro warns that Shiki's inline styles break the CSP whenever both are on, whatever the
 * highlighter writes; ours writes classes, never a style (src/lib/markdown/code-highlighting.ts, and
 * tests/build/real-site.test.ts finds no `style` on any page), so the warning is untrue here.
 */
const isShikiStyleWarning = (/** @type {import('astro').AstroLoggerMessage} */ event) =>
	event.level === 'warn' &&
	plain(event.message).startsWith('Shiki syntax highlighting uses inline styles');

/** `3 page(s) built in 18.04s`: Astro's summary, after the last page. */
const isBuildSummary = (/** @type {import('astro').AstroLoggerMessage} */ event) =>
	event.label === 'build' && /page\(s\) built in/.test(plain(event.message));

/**
 * Passes every log event on except the Shiki warning above and the one line per page that
 * `astro build` prints, which buries what matters (warnings, the summary) under hundreds of paths.
 * A page line is still printed when anything else comes before its timing: a warning while
 * rendering it, or "file not created". Before Astro's summary it says how many routes (pages
 * and files such as calendars) were rendered and how many an incremental build reused.
 * @param {import('astro').AstroLoggerDestination} destination
 * @returns {import('astro').AstroLoggerDestination}
 */
export function withoutNoise(destination) {
	/** @type {import('astro').AstroLoggerMessage | undefined} */
	let page;
	let rendered = 0;
	let reused = 0;
	return {
		write(event) {
			if (isShikiStyleWarning(event)) return;
			if (isPageLine(event)) {
				page = event;
				return;
			}
			if (isPageTiming(event)) {
				if (/\((cached|restored)\)/.test(plain(event.message))) reused++;
				else rendered++;
				page = undefined;
				return;
			}
			if (page) destination.write(page);
			page = undefined;
			if (isBuildSummary(event) && reused > 0) {
				destination.write({
					...event,
					message: `${rendered} route(s) rendered, ${reused} reused from the last build`,
				});
			}
			destination.write(event);
		},
	};
}

/**
 * Astro's own terminal logger, without the page lines (kept with `EDELWEISS_LOG_PAGES=1`, to see
 * which pages a build rendered and which it reused) and the untrue Shiki warning.
 * @param {{ level?: import('astro').AstroLoggerLevel }} [config]
 * @returns {import('astro').AstroLoggerDestination}
 */
export default function buildLogger(config) {
	const destination = nodeLogger(config);
	if (process.env.EDELWEISS_LOG_PAGES !== '1') return withoutNoise(destination);
	return { write: (event) => void (isShikiStyleWarning(event) || destination.write(event)) };
}
