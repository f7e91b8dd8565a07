import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildSite, fixtureContent } from '../helpers/build-site';

describe('building broken content', () => {
	it('fails, lists every problem with file, line and field, and writes nothing', async () => {
		const result = await buildSite('broken', fixtureContent('broken'));
		expect(result.exitCode).not.toBe(0);
		expect(result.output).toContain('content problems in');
		for (const expected of [
			'tests/fixtures/broken/content/talks/unknown-speaker.md:6:5 speakers.1: unknown person "ada-lovelac"',
			'did you mean "ada-lovelace"?',
			'tests/fixtures/broken/content/events/other-event.md:5:1 timezone:',
			'tests/fixtures/broken/content/talks/outside-event.md:4:1 day: 2024-03-12 is outside its event',
			'tests/fixtures/broken/content/recaps/mixed-recap.md:8:5 talks.1:',
			'tests/fixtures/broken/content/people/grace-hopper.mdx:1:1 duplicate id "grace-hopper"',
		]) {
			expect(result.output).toContain(expected);
		}
		await expect(access(result.dist)).rejects.toThrow();
	});
});
