import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { withoutNoise } from '#tools/build/logger.mjs';

const event = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({
	label,
	message,
	level: 'info',
	newLine,
});

/** What `astro build` logs around its pages (src: astro/dist/core/build/generate.js), colours included. */
const buildEvents = [
	event('SKIP_FORMAT', '\n\x1b[42m\x1b[30m generating static routes \x1b[39m\x1b[49m'),
	event(null, '  \x1b[34m├─\x1b[39m \x1b[2m/404.html\x1b[22m', false),
	event('SKIP_FORMAT', ' \x1b[2m(+76ms)\x1b[22m '),
	event(null, '  \x1b[34m├─\x1b[39m \x1b[2m/talks/a/index.html\x1b[22m', false),
	event('SKIP_FORMAT', ' \x1b[32m(cached)\x1b[39m'),
	event(null, '  \x1b[34m└─\x1b[39m \x1b[2m/talks/b/index.html\x1b[22m', false),
	event('SKIP_FORMAT', ' \x1b[31m(+1.20s)\x1b[39m '),
	event(null, '\x1b[32m✓ Completed in 3.54s.\x1b[39m\n'),
	event('build', '3 page(s) built in 18.04s'),
];

function recorder() {
	const written: AstroLoggerMessage[] = [];
	const destination: AstroLoggerDestination = { write: (message) => void written.push(message) };
	return { written, destination };
}

describe('withoutNoise', () => {
	it("passes Astro's messages on but not the line per page and its timing", () => {
		const { written, destination } = recorder();
		const logger = withoutNoise(destination);
		for (const message of buildEvents) logger.write(message);
		expect(written).toEqual([
			buildEvents[0],
			buildEvents[7],
			{ ...buildEvents[8], message: '2 route(s) rendered, 1 reused from the last build' },
			buildEvents[8],
		]);
	});

	it('keeps a page line when something is said about that page before its timing', () => {
		const { written, destination } = recorder();
		const logger = withoutNoise(destination);
		const page = event(null, '  ├─ /empty/index.html', false);
		const notCreated = event('SKIP_FORMAT', ' (+2ms) (file not created, response body was empty)');
		const warning = { ...event('build', 'a warning while rendering'), level: 'warn' as const };
		for (const message of [page, notCreated, page, warning, event('SKIP_FORMAT', ' (+3ms) ')])
			logger.write(message);
		expect(written).toEqual([page, notCreated, page, warning]);
	});

	it("drops Astro's warning that Shiki's inline styles break the CSP, which our classes make untrue, and no other warning", () => {
		const { written, destination } = recorder();
		const logger = withoutNoise(destination);
		const shiki = {
			...event(
				'config',
				'Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP).',
			),
			level: 'warn' as const,
		};
		const other = { ...event('config', 'Something else is wrong.'), level: 'warn' as const };
		for (const message of [shiki, other]) logger.write(message);
		expect(written).toEqual([other]);
	});
});
