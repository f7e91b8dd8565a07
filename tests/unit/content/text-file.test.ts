import { describe, expect, it } from 'vitest';
import { decodeText, findControlCharacter, formatBytes, positionFinder } from '#lib/content/text-file.ts';

describe('decodeText', () => {
	it('decodes UTF-8, and UTF-16 with a byte order mark only where allowed', () => {
		expect(decodeText(Buffer.from('café'))).toEqual({ text: 'café' });
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<x/>', 'utf16le')]);
		expect(decodeText(utf16, { utf16: true })).toEqual({ text: '<x/>' });
		expect(decodeText(utf16)).toEqual({ problem: expect.objectContaining({ line: 1, message: 'the file is UTF-16LE, not UTF-8' }) });
	});

	it('says where the first byte that is not UTF-8 is', () => {
		const bytes = Buffer.concat([Buffer.from('one\ntwo é\nthr'), Buffer.from([0xe9, 0x0a])]);
		expect(decodeText(bytes)).toEqual({ problem: expect.objectContaining({ line: 3, column: 4, message: 'byte 0xE9 is not UTF-8 text' }) });
		// An overlong encoding of "/" is not UTF-8 either.
		expect(decodeText(Buffer.from([0x61, 0xc0, 0xaf]))).toEqual({
			problem: expect.objectContaining({ line: 1, column: 2, message: 'byte 0xC0 is not UTF-8 text' }),
		});
	});
});

describe('positions and control characters', () => {
	it('finds lines and columns by offset', () => {
		const at = positionFinder('ab\ncd\n\nef');
		expect([at(0), at(4), at(6), at(8)]).toEqual([
			{ line: 1, column: 1 },
			{ line: 2, column: 2 },
			{ line: 3, column: 1 },
			{ line: 4, column: 2 },
		]);
	});

	it('finds control characters but not tabs or line ends', () => {
		expect(findControlCharacter('a\tb\r\nc')).toBeUndefined();
		expect(findControlCharacter('ok\nbad \u001b[31m')).toEqual({ line: 2, column: 5, codePoint: 'U+001B' });
		expect(findControlCharacter('\u0085')).toEqual({ line: 1, column: 1, codePoint: 'U+0085' });
	});

	it('formats sizes with a readable unit and about three significant digits, for messages and benchmark tables alike', () => {
		expect([
			formatBytes(512),
			formatBytes(5_632),
			formatBytes(131_072),
			formatBytes(10 * 1024 * 1024),
			formatBytes(600 * 1024 ** 2),
			formatBytes(1.5 * 1024 ** 3),
		]).toEqual(['512 bytes', '5.5 KB', '128 KB', '10 MB', '600 MB', '1.5 GB']);
	});
});
