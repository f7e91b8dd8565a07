import { beforeAll, describe, expect, it } from 'vitest';
import { checkHtmlValidity } from '#tools/check/html-validity.ts';
import { checkSiteLinks } from '#tools/check/site-links.ts';
import { builtSite } from '../helpers/sites';

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
