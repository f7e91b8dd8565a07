import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '#lib/validation/problem.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { projectRoot } from '../../helpers/build-site';

describe('validateContent on the broken fixture', async () => {
	const { problems } = await validateContent(projectRoot, 'tests/fixtures/broken/content');
	const lines = problems.map(formatProblem);
	const base = 'tests/fixtures/broken/content';

	it.each([
		[
			`${base}/events/bad-date.md:3:1 start: expected a real date written YYYY-MM-DD, found "2021-13-01"`,
		],
		[
			`${base}/events/other-event.md:5:1 timezone: expected an IANA time zone such as "Europe/Brussels", found "Europe/Brusels"`,
		],
		[`${base}/people/broken-yaml.md:3:11 front matter is not valid YAML`],
		[`${base}/people/grace-hopper.mdx:1:1 duplicate id "grace-hopper" in people`],
		[
			`${base}/recaps/mixed-recap.md:8:5 talks.1: talk "other-event-talk" belongs to event "other-event"`,
		],
		[`${base}/talks/no-title.md:1:1 title: required field is missing`],
		[`${base}/talks/outside-event.md:4:1 day: 2024-03-12 is outside its event "good-event"`],
		[
			`${base}/talks/unknown-speaker.md:6:5 speakers.1: unknown person "ada-lovelac"\n    hint: did you mean "ada-lovelace"?`,
		],
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
		expect(result.entries.map((entry) => `${entry.collection}/${entry.id}`)).toContain(
			'recaps/democonf-2024-recap',
		);
	});
});

/** The fixture with one of each mistake a contributor makes; each must come back located, with a hint. */
describe('validateContent on the mistakes fixture', async () => {
	const base = 'tests/fixtures/mistakes/content';
	const { problems } = await validateContent(projectRoot, base);
	const report = problems.map(formatProblem);

	it.each([
		[
			'broken YAML',
			`${base}/people/broken-yaml.md:3:20 front matter is not valid YAML`,
			'check brackets, quotes and indentation',
		],
		[
			'unclosed MDX tag',
			`${base}/recaps/unclosed-aside.mdx:10:1 MDX cannot parse this: Expected a closing tag for \`<Aside>\``,
			'close every component tag',
		],
		[
			'JSX expression error',
			`${base}/notes/bad-expression.mdx:6:23 MDX cannot parse this: Could not parse expression with acorn`,
			'\\{ for a literal brace',
		],
		[
			'unknown component',
			`${base}/recaps/misspelt-component.mdx:10:1 unknown component <Asid>`,
			'did you mean <Aside>?',
		],
		[
			'unknown talk card',
			`${base}/recaps/misspelt-component.mdx:8:1 <TalkCard> names unknown talk "packaging-basic"`,
			'did you mean "packaging-basics"?',
		],
		[
			'missing required field',
			`${base}/talks/no-title.md:1:1 title: required field is missing`,
			'add "title:" to the front matter',
		],
		[
			'wrong type',
			`${base}/talks/wrong-type.md:4:1 duration: Invalid input: expected number, received string, found "forty minutes"`,
			'write a number here',
		],
		[
			'invalid date',
			`${base}/events/bad-date.md:3:1 start: expected a real date written YYYY-MM-DD, found "2021-13-01"`,
			'month from 01 to 12',
		],
		[
			'unknown reference',
			`${base}/talks/unknown-speaker.md:6:5 speakers.1: unknown person "ada-lovelac"`,
			'did you mean "ada-lovelace"?',
		],
		[
			'duplicate id',
			`${base}/people/ada-lovelace.mdx:1:1 duplicate id "ada-lovelace" in people`,
			'rename one of the files',
		],
		[
			'unknown tag',
			`${base}/talks/typo-tag.md:6:5 tags.1: unknown tag "pakaging"`,
			'did you mean "packaging"',
		],
		[
			'link to a missing page',
			`${base}/notes/broken-links.md:6:5 link to a missing page "/talks/packaging-basic/"`,
			'did you mean "/talks/packaging-basics/"?',
		],
		[
			'image that does not exist',
			`${base}/notes/broken-links.md:8:1 image "./diagram.png" does not exist`,
			`expected a file at ${base}/notes/diagram.png`,
		],
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

describe('validateContent on trees it cannot read as they are', () => {
	const roots: string[] = [];
	afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));
	const person = (name: string) => `---\nname: ${name}\n---\n\nA person.\n`;
	async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-validate-'));
		roots.push(root);
		for (const [file, text] of Object.entries(files)) {
			await mkdir(path.dirname(path.join(root, 'content', file)), { recursive: true });
			await writeFile(path.join(root, 'content', file), text);
		}
		return root;
	}

	it('reports a mistyped content folder instead of passing with no problem', async () => {
		const root = await tree({ 'people/ada.md': person('Ada') });
		const { problems, fileCount } = await validateContent(root, 'contnet');
		expect(fileCount).toBe(0);
		expect(problems.map(formatProblem)).toEqual([
			'contnet the content folder does not exist\n    hint: the content folder holds events, talks, people, recaps, notes, sponsors, case-studies, topics; check the path',
		]);
	});

	it('reports bytes that are not UTF-8, control characters and oversized files with their line', async () => {
		const latin1 = Buffer.concat([
			Buffer.from('---\nname: Jos'),
			Buffer.from([0xe9]),
			Buffer.from('\n---\n'),
		]);
		const root = await tree({
			'people/latin1.md': latin1,
			'people/bell.md': '---\nname: Ada\n---\n\nRing \u0007 the bell.\n',
			'people/utf16.md': Buffer.from('\uFEFF---\nname: Ada\n---\n', 'utf16le'),
			'people/huge.md': `${person('Huge')}${'word '.repeat(110_000)}`,
		});
		const lines = (await validateContent(root, 'content')).problems.map(formatProblem);
		expect(lines).toEqual([
			'content/people/bell.md:5:6 control character U+0007 is not text\n    hint: delete it; it is invisible in most editors (a stray paste from a terminal or a PDF)',
			'content/people/huge.md the file is 537 KB; the limit for one content file is 512 KB\n    hint: split it, or link to large material instead of including it',
			'content/people/latin1.md:2:10 byte 0xE9 is not UTF-8 text\n    hint: save the file as UTF-8; it may have been written in Latin-1 or Windows-1252',
			'content/people/utf16.md:1:1 the file is UTF-16LE, not UTF-8\n    hint: save it as UTF-8 (without a byte order mark)',
		]);
	});

	it('validates planned files over the tree without writing them', async () => {
		const root = await tree({ 'people/ada.md': person('Ada') });
		const overlay = new Map([
			['people/ada.md', '---\nname: 7\n---\n'],
			['people/new.md', person('New')],
		]);
		const result = await validateContent(root, 'content', { overlay });
		expect(result.fileCount).toBe(2);
		expect(
			result.problems.map((problem) => `${problem.file}:${problem.line} ${problem.field}`),
		).toEqual(['content/people/ada.md:2 name']);
		expect(await readdir(path.join(root, 'content/people'))).toEqual(['ada.md']);
	});
});

describe('validateContent after an import (`changed`)', () => {
	const base = 'tests/fixtures/basic/content';

	it('scans only the changed files’ bodies, yet sees every entry and page for their links and references', async () => {
		const overlay = new Map([
			[
				'talks/new-talk.md',
				'---\ntitle: New\nevent: democonf-2024\nspeakers: [ada-lovelace]\n---\n\nSee [the recap](/recaps/democonf-2024-recap/) and [Grace](/people/grace-hopper/).\n',
			],
		]);
		const result = await validateContent(projectRoot, base, {
			overlay,
			changed: new Set(overlay.keys()),
		});
		expect(result.problems).toEqual([]);
		expect(result.entries.map((entry) => `${entry.collection}/${entry.id}`)).toEqual(
			expect.arrayContaining(['talks/new-talk', 'people/grace-hopper']),
		);
	});

	it('still reports what a changed file breaks, located in it, and unchanged files’ front matter problems', async () => {
		const overlay = new Map([
			[
				'talks/new-talk.md',
				'---\ntitle: New\nevent: democonf-2024\nspeakers: [ada-lovelac]\n---\n\n[Missing](/people/nobody/)\n',
			],
		]);
		const lines = (
			await validateContent(projectRoot, 'tests/fixtures/broken/content', {
				overlay,
				changed: new Set(overlay.keys()),
			})
		).problems.map(formatProblem);
		expect(lines).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^tests\/fixtures\/broken\/content\/talks\/new-talk\.md:4:\d+ speakers\.0: unknown person "ada-lovelac"/,
				),
				expect.stringMatching(
					/^tests\/fixtures\/broken\/content\/talks\/new-talk\.md:7:1 link to a missing page "\/people\/nobody\/"/,
				),
				expect.stringMatching(
					/^tests\/fixtures\/broken\/content\/events\/bad-date\.md:3:1 start: expected a real date/,
				),
				expect.stringMatching(
					/^tests\/fixtures\/broken\/content\/talks\/unknown-speaker\.md:6:5 speakers\.1: unknown person "ada-lovelac"/,
				),
			]),
		);
	});
});

describe('validateContent with a cache of each file’s results', () => {
	const roots: string[] = [];
	afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));
	async function copyOfBasic() {
		const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-validate-cache-'));
		roots.push(root);
		await cp(path.join(projectRoot, 'tests/fixtures/basic/content'), path.join(root, 'content'), {
			recursive: true,
		});
		return { root, cache: { file: path.join(root, 'cache/validation.json'), key: 'code-1' } };
	}
	const talk = 'content/talks/packaging-with-apk.md';

	it('checks every file once, then only the edited one, with the same entries and problems', async () => {
		const { root, cache } = await copyOfBasic();
		const first = await validateContent(root, 'content', { cache });
		expect(first.checkedFiles).toHaveLength(9);
		expect(first.problems).toEqual([]);

		const unchanged = await validateContent(root, 'content', { cache });
		expect(unchanged.checkedFiles).toEqual([]);
		expect(unchanged.entries.map((entry) => entry.data)).toEqual(
			first.entries.map((entry) => entry.data),
		);

		const text = await readFile(path.join(root, talk), 'utf8');
		await writeFile(
			path.join(root, talk),
			text.replace('step by step.', 'step by step, with [a broken link](/people/nobody/).'),
		);
		const edited = await validateContent(root, 'content', { cache });
		expect(edited.checkedFiles).toEqual([talk]);
		expect(edited.problems.map(formatProblem)).toEqual([
			expect.stringMatching(
				/^content\/talks\/packaging-with-apk\.md:\d+:\d+ link to a missing page "\/people\/nobody\/"/,
			),
		]);
		// A file's own problems are kept with its results.
		expect((await validateContent(root, 'content', { cache })).problems).toEqual(edited.problems);
	});

	it('still catches what an edit breaks in files it did not check, located at their lines', async () => {
		const { root, cache } = await copyOfBasic();
		await validateContent(root, 'content', { cache });
		await rm(path.join(root, 'content/people/ada-lovelace.md'));
		await writeFile(
			path.join(root, 'content/events/democonf-2024.md'),
			(await readFile(path.join(root, 'content/events/democonf-2024.md'), 'utf8')).replace(
				/^end: .*$/m,
				'end: 2024-03-09',
			),
		);
		const result = await validateContent(root, 'content', { cache });
		expect(result.checkedFiles).toEqual(['content/events/democonf-2024.md']);
		expect(result.problems.map(formatProblem)).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^content\/talks\/packaging-with-apk\.md:4:\d+ speakers\.0: unknown person "ada-lovelace"/,
				),
				expect.stringMatching(
					/^content\/talks\/closing-roundtable\.md:6:1 day: 2024-03-10 is outside its event "democonf-2024"/,
				),
			]),
		);
	});

	it('keeps no results for a planned tree or a partial check, whose files are not what is on disk', async () => {
		const { root, cache } = await copyOfBasic();
		await expect(validateContent(root, 'content', { cache, changed: new Set() })).rejects.toThrow(
			/a cache is not kept/,
		);
		await expect(validateContent(root, 'content', { cache, overlay: new Map() })).rejects.toThrow(
			/a cache is not kept/,
		);
	});

	it('checks every file again when the code’s key changes', async () => {
		const { root, cache } = await copyOfBasic();
		await validateContent(root, 'content', { cache });
		expect(
			(await validateContent(root, 'content', { cache: { ...cache, key: 'code-2' } })).checkedFiles,
		).toHaveLength(9);
	});
});
