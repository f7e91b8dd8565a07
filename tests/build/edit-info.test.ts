import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bulkCommitFiles } from '#lib/content/git.ts';
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
	it.each(pages)(
		'%s links to its source file and shows the date of its last edit, not of a bulk commit',
		async (url, file) => {
			const $ = await loadPage((await builtSite('basic')).dist, url);
			const link = $('.edit-info a');
			expect(link.text()).toBe('Edit this page');
			expect(link.attr('href')).toBe(`${siteConfig.editBaseUrl}${source}/${file}`);
			const git = (...args: string[]) =>
				execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
			// The newest commit that changed the file among fewer than `bulkCommitFiles` of the fixture's files.
			const edit = git('log', '--format=%H', '--', `${source}/${file}`)
				.split('\n')
				.find(
					(commit) =>
						git('show', '--name-only', '--format=', commit, '--', source)
							.split('\n')
							.filter(Boolean).length < bulkCommitFiles,
				);
			if (!edit) {
				expect($('.edit-info p')).toHaveLength(0);
				return;
			}
			const edited = git('show', '-s', '--format=%cs', edit);
			expect($('.edit-info time').attr('datetime')).toBe(edited);
			expect($('.edit-info p').text()).toMatch(/^Last updated \d{1,2} \w+ \d{4}$/);
		},
	);

	it('is not on list pages', async () => {
		const $ = await loadPage((await builtSite('basic')).dist, '/talks/');
		expect($('.edit-info')).toHaveLength(0);
	});
});
