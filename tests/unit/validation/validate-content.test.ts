import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/validation/problem';
import { validateContent } from '../../../src/lib/validation/validate-content';
import { projectRoot } from '../../helpers/build-site';

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

/** The fixture with one of each mistake a contributor makes; each must come back located, with a hint. */
describe('validateContent on the mistakes fixture', async () => {
	const base = 'tests/fixtures/mistakes/content';
	const { problems } = await validateContent(projectRoot, base);
	const report = problems.map(formatProblem);

	it.each([
		['broken YAML', `${base}/people/broken-yaml.md:3:20 front matter is not valid YAML`, 'check brackets, quotes and indentation'],
		['unclosed MDX tag', `${base}/recaps/unclosed-aside.mdx:10:1 MDX cannot parse this: Expected a closing tag for \`<Aside>\``, 'close every component tag'],
		['JSX expression error', `${base}/notes/bad-expression.mdx:6:23 MDX cannot parse this: Could not parse expression with acorn`, '\\{ for a literal brace'],
		['unknown component', `${base}/recaps/misspelt-component.mdx:10:1 unknown component <Asid>`, 'did you mean <Aside>?'],
		['unknown talk card', `${base}/recaps/misspelt-component.mdx:8:1 <TalkCard> names unknown talk "packaging-basic"`, 'did you mean "packaging-basics"?'],
		['missing required field', `${base}/talks/no-title.md:1:1 title: required field is missing`, 'add "title:" to the front matter'],
		['wrong type', `${base}/talks/wrong-type.md:4:1 duration: Invalid input: expected number, received string, found "forty minutes"`, 'write a number here'],
		['invalid date', `${base}/events/bad-date.md:3:1 start: expected a real date written YYYY-MM-DD, found "2021-13-01"`, 'month from 01 to 12'],
		['unknown reference', `${base}/talks/unknown-speaker.md:6:5 speakers.1: unknown person "ada-lovelac"`, 'did you mean "ada-lovelace"?'],
		['duplicate id', `${base}/people/ada-lovelace.mdx:1:1 duplicate id "ada-lovelace" in people`, 'rename one of the files'],
		['unknown tag', `${base}/talks/typo-tag.md:6:5 tags.1: unknown tag "pakaging"`, 'did you mean "packaging"'],
		['link to a missing page', `${base}/notes/broken-links.md:6:5 link to a missing page "/talks/packaging-basic/"`, 'did you mean "/talks/packaging-basics/"?'],
		['image that does not exist', `${base}/notes/broken-links.md:8:1 image "./diagram.png" does not exist`, `expected a file at ${base}/notes/diagram.png`],
	])('reports the %s with its line and a hint', (_, location, hint) => {
		const line = report.find((text) => text.startsWith(location));
		expect(line, `no problem starting with ${location} in:\n${report.join('\n')}`).toBeDefined();
		expect(line!.split('\n    hint: ')[1]).toContain(hint);
	});

	it('reports nothing else, and every problem has a line and a hint', () => {
		// The two dates of bad-date.md are one mistake each.
		expect(problems).toHaveLength(14);
		for (const problem of problems) {
			expect(problem.line).toBeGreaterThan(0);
			expect(problem.hint).toBeTruthy();
		}
	});

	it('does not report the valid link next to the broken one', () => {
		expect(report.some((text) => text.includes('/events/sumconf-2025/'))).toBe(false);
	});
});
