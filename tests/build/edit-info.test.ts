import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config';
import { projectRoot } from '../helpers/build-site';
import { loadPage } from '../helpers/html';
import { builtSite } from '../helpers/sites';

const source = 'tests/fixtures/basic/content';
const pages = [
	['/talks/packaging-with-apk/', 'talks/packaging-with-apk.md'],
	['/recaps/democonf-2024-recap/', 'recaps/democonf-2024-recap.mdx'],
	['/notes/build-servers/', 'notes/build-servers.md'],
	['/people/ada-lovelace/', 'people/ada-lovelace.md'],
	['/events/democonf-2024/', 'events/democonf-2024.md'],
	['/sponsors/acme-hosting/', 'sponsors/acme-hosting.md'],
	['/case-studies/acme-builders/', 'case-studies/acme-builders.md'],
];

describe('"Edit this page" and "Last updated"', () => {
	it.each(pages)('%s links to its source file and shows its last commit date', async (url, file) => {
		const $ = await loadPage((await builtSite('basic')).dist, url);
		const link = $('.edit-info a');
		expect(link.text()).toBe('Edit this page');
		expect(link.attr('href')).toBe(`${siteConfig.editBaseUrl}${source}/${file}`);
		const committed = execFileSync('git', ['log', '-1', '--format=%cs', '--', `${source}/${file}`], { cwd: projectRoot, encoding: 'utf8' }).trim();
		expect(committed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect($('.edit-info time').attr('datetime')).toBe(committed);
		expect($('.edit-info p').text()).toMatch(/^Last updated \d{1,2} \w+ \d{4}$/);
	});

	it('is not on list pages', async () => {
		const $ = await loadPage((await builtSite('basic')).dist, '/talks/');
		expect($('.edit-info')).toHaveLength(0);
	});
});
