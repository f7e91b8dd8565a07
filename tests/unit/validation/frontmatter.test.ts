import { describe, expect, it } from 'vitest';
import { parseEntrySource } from '../../../src/lib/validation/frontmatter';

const source = ['---', 'title: Podman', 'speakers:', '  - sascha-grunert', '  - nobody', 'links:', '  - url: x', '---', '', 'Body text.', ''].join('\n');

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
	it('reads CRLF files and files without front matter', () => {
		expect(parseEntrySource('---\r\ntitle: A\r\n---\r\nBody').data.title).toBe('A');
		expect(parseEntrySource('Just a body').data).toEqual({});
	});
});
