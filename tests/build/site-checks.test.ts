import { beforeAll, describe, expect, it } from 'vitest';
import type * as HtmlValidityModule from '#tools/check/html-validity.ts';
import type * as SiteLinksModule from '#tools/check/site-links.ts';
import { inChildProcess } from '../helpers/in-child-process';
import { builtSite } from '../helpers/sites';

// Every page of the hub, so in child processes, out of the coverage's way (tests/helpers/in-child-process.ts).
const { checkHtmlValidity } = inChildProcess<typeof HtmlValidityModule>(
	'#tools/check/html-validity.ts',
);
const { checkSiteLinks } = inChildProcess<typeof SiteLinksModule>('#tools/check/site-links.ts');

// What the checks report is tested on small sites in tests/unit/check/ and tests/integration/check/;
// here, the real hub passes them. The basic fixture passes them in `npm run check`'s own test (check.test.ts).
describe('the real hub', () => {
	let dist: string;
	beforeAll(async () => {
		({ dist } = await builtSite('site'));
	});

	it('has no broken link, anchor or asset', async () => {
		expect(await checkSiteLinks(dist)).toEqual([]);
	});

	it('is valid HTML on every page', async () => {
		expect(await checkHtmlValidity(dist)).toEqual([]);
	});
});
