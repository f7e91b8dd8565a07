import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from 'astro/markdown';
import { parseEntrySource } from '#lib/validation/frontmatter.ts';

const source = [
	'---',
	'title: Podman',
	'speakers:',
	'  - sascha-grunert',
	'  - nobody',
	'links:',
	'  - url: x',
	'---',
	'',
	'Body text.',
	'',
].join('\n');

describe('parseEntrySource', () => {
	it('splits front matter from the body', () => {
		const parsed = parseEntrySource(source);
		expect(parsed.data.title).toBe('Podman');
		expect(parsed.body.trim()).toBe('Body text.');
	});
	it('locates fields, list items and nested keys by file line', () => {
		const { locate } = parseEntrySource(source);
		expect(locate(['title'])).toEqual({ line: 2, column: 1 });
		expect(locate(['speakers', 1])).toEqual({ line: 5, column: 5 });
		expect(locate(['links', 0, 'url'])).toEqual({ line: 7, column: 5 });
	});
	it('falls back to the nearest parent, then the opening line, for missing fields', () => {
		const { locate } = parseEntrySource(source);
		expect(locate(['links', 0, 'title'])).toEqual({ line: 7, column: 5 });
		expect(locate(['event'])).toEqual({ line: 1, column: 1 });
	});
	it('reports YAML syntax errors with their position', () => {
		const parsed = parseEntrySource('---\ntitle: ok\nhandles: [@x\n---\n');
		expect(parsed.syntaxErrors.length).toBeGreaterThan(0);
		expect(parsed.syntaxErrors[0]!.position.line).toBe(3);
	});
	it('refuses brackets nested past the limit at the bracket, before a YAML parser overflows the stack', () => {
		for (const [value, column] of [
			[`${'['.repeat(5_000)}${']'.repeat(5_000)}`, 68],
			[`${'{a: '.repeat(3_000)}x${'}'.repeat(3_000)}`, 260],
		] as const) {
			const parsed = parseEntrySource(`---\ntitle: ok\nx: ${value}\n---\n`);
			expect(parsed.syntaxErrors).toEqual([
				{
					message: 'front matter nests brackets deeper than 64 levels, the limit',
					position: { line: 3, column },
				},
			]);
		}
		const quoted = `---\ntitle: "${'['.repeat(100)}"\nnote: Ada's ${'{'.repeat(10)} # ${'['.repeat(100)}\nlist: [[a], {b: [c]}]\n---\n`;
		expect(parseEntrySource(quoted).syntaxErrors).toEqual([]);
	});
	it('reads CRLF files and files without front matter', () => {
		expect(parseEntrySource('---\r\ntitle: A\r\n---\r\nBody').data.title).toBe('A');
		expect(parseEntrySource('Just a body').data).toEqual({});
	});
});

describe('parseEntrySource and Astro read front matter alike', () => {
	const astro = (text: string) => parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
	const fosdem2025 = [
		'---',
		'title: Remote Attestation with Keylime --- current status ---',
		'event: fosdem-2025',
		'---',
		'',
		'Body.',
	].join('\n');

	it.each([
		['a title containing " --- " (FOSDEM 2025)', fosdem2025],
		['a closing line with more after the dashes', '---\ntitle: A\n---trailing\nBody'],
		['blank lines before the opening line', '\n  \n---\ntitle: A\n---\nBody'],
		['a byte order mark', '\uFEFF---\ntitle: A\n---\nBody'],
		['CRLF line ends', '---\r\ntitle: A\r\nevent: x\r\n---\r\nBody'],
		[
			'a block scalar interrupted by a --- line',
			'---\ntitle: A\nsummary: |\n  text\n---\nnot: front matter\n---\n',
		],
		['dashes inside a quoted value', '---\ntitle: "---"\nevent: "a\\n---\\nb"\n---\n'],
		['a number only js-yaml reads', '---\ntitle: A\nduration: 0x1e\n---\n'],
		['a date and a time', '---\nday: 2024-03-09\nstart: "10:30"\n---\n'],
		['no front matter', 'Just a body\n---\ntitle: no\n---\n'],
	])('%s', (_, text) => {
		const ours = parseEntrySource(text);
		expect(ours.syntaxErrors).toEqual([]);
		expect(ours.data).toEqual(astro(text).frontmatter);
		expect(ours.body).toBe(astro(text).content);
	});

	it('keeps a FOSDEM 2025 title whole and locates the field after it', () => {
		const parsed = parseEntrySource(fosdem2025);
		expect(parsed.data.title).toBe('Remote Attestation with Keylime --- current status ---');
		expect(parsed.locate(['event'])).toEqual({ line: 3, column: 1 });
	});

	it('is stricter than Astro where Astro would publish something else than was written', () => {
		// js-yaml rolls 2021-13-01 over to 2022-01-01; the schema must see what was written.
		expect(astro('---\nstart: 2021-13-01\n---\n').frontmatter.start).toEqual(
			new Date('2022-01-01'),
		);
		expect(parseEntrySource('---\nstart: 2021-13-01\n---\n').data.start).toBe('2021-13-01');
		// TOML front matter is Astro's too, but contributors are told YAML: one way to write it.
		expect(parseEntrySource('+++\ntitle = "A"\n+++\n').syntaxErrors[0]!.message).toMatch(/TOML/);
	});

	it('refuses an alias bomb at its line instead of expanding it', () => {
		const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
		for (let level = 1; level < 9; level++) {
			const previous = String.fromCharCode(96 + level);
			const name = String.fromCharCode(97 + level);
			levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
		}
		const parsed = parseEntrySource(['---', 'title: Bomb', ...levels, '---', ''].join('\n'));
		expect(parsed.syntaxErrors).toEqual([
			{
				message: expect.stringContaining('front matter aliases'),
				position: { line: 4, column: 8 },
			},
		]);
		expect(parsed.data).toEqual({});
	});

	it('reports duplicate keys, which Astro refuses too', () => {
		expect(() => astro('---\ntitle: A\ntitle: B\n---\n')).toThrow(/duplicated mapping key/);
		expect(parseEntrySource('---\ntitle: A\ntitle: B\n---\n').syntaxErrors[0]!.position.line).toBe(
			3,
		);
	});
});
