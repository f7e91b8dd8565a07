import { beforeAll, describe, expect, it } from 'vitest';
import { checkHtmlValidity } from '../../src/lib/check/html-validity';
import { checkSiteLinks } from '../../src/lib/check/site-links';
import { builtSite } from '../helpers/sites';

// What the checks report is tested on small sites in tests/unit/check/ and tests/integration/check/; here, the real builds pass them.
describe('the basic fixture and the real hub', () => {
	const dists: string[] = [];
	beforeAll(async () => {
		dists.push((await builtSite('basic')).dist, (await builtSite('site')).dist);
	});

	it('have no broken link, anchor or asset', async () => {
		for (const dist of dists) expect(await checkSiteLinks(dist)).toEqual([]);
	});

	it('are valid HTML on every page', async () => {
		for (const dist of dists) expect(await checkHtmlValidity(dist)).toEqual([]);
	});
});
