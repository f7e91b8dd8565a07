import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/validation/problem';
import { validateContent } from '../../src/lib/validation/validate-content';
import { projectRoot } from '../helpers/build-site';

describe('validateContent on the broken fixture', async () => {
	const { problems } = await validateContent(projectRoot, 'tests/fixtures/broken/content');
	const lines = problems.map(formatProblem);
	const base = 'tests/fixtures/broken/content';

	it.each([
		[`${base}/events/bad-date.md:3:1 start: expected a real date written YYYY-MM-DD, found "2021-13-01"`],
		[`${base}/events/other-event.md:5:1 timezone: expected an IANA time zone such as "Europe/Brussels", found "Europe/Brusels"`],
		[`${base}/people/broken-yaml.md:3:11 front matter is not valid YAML`],
		[`${base}/people/grace-hopper.mdx:1:1 duplicate id "grace-hopper" in people`],
		[`${base}/recaps/mixed-recap.md:8:5 talks.1: talk "other-event-talk" belongs to event "other-event"`],
		[`${base}/talks/no-title.md:1:1 title: required field is missing`],
		[`${base}/talks/outside-event.md:4:1 day: 2024-03-12 is outside its event "good-event"`],
		[`${base}/talks/unknown-speaker.md:6:5 speakers.1: unknown person "ada-lovelac"\n    hint: did you mean "ada-lovelace"?`],
	])('reports %s', (expected) => {
		expect(lines.some((line) => line.startsWith(expected))).toBe(true);
	});

	it('reports every problem once and nothing else', () => {
		expect(problems.filter((problem) => !problem.message.includes('YAML'))).toHaveLength(7);
	});

	it('does not blame a reference on an entry that exists but is invalid', () => {
		expect(lines.some((line) => line.includes('unknown event "other-event"'))).toBe(false);
	});
});

describe('validateContent on the valid fixture', () => {
	it('finds no problem and reads every file', async () => {
		const result = await validateContent(projectRoot, 'tests/fixtures/basic/content');
		expect(result.problems).toEqual([]);
		expect(result.fileCount).toBe(9);
		expect(result.entries.map((entry) => `${entry.collection}/${entry.id}`)).toContain('recaps/democonf-2024-recap');
	});
});
