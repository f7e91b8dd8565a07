/** A place in a text file, both 1-based. */
export interface Position {
	line: number;
	column: number;
}

/** Finds the line and column of character offsets in one text (binary search over line starts). */
export function positionFinder(text: string): (offset: number) => Position {
	const lineStarts = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
	return (offset) => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (lineStarts[middle]! <= offset) low = middle;
			else high = middle - 1;
		}
		return { line: low + 1, column: offset - lineStarts[low]! + 1 };
	};
}

export type DecodedText = { text: string } | { problem: Position & { message: string; hint: string } };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file's bytes as UTF-8, or says where the first byte that is not UTF-8 is. UTF-16
 * (recognised by its byte order mark) is decoded only where `utf16` allows it: content files
 * must be UTF-8, schedules from other tools may be UTF-16.
 */
export function decodeText(bytes: Uint8Array, { utf16 = false } = {}): DecodedText {
	const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
	if (bom16) {
		if (!utf16) {
			return {
				problem: { line: 1, column: 1, message: `the file is ${bom16.toUpperCase()}, not UTF-8`, hint: 'save it as UTF-8 (without a byte order mark)' },
			};
		}
		try {
			return { text: new TextDecoder(bom16, { fatal: true }).decode(bytes) };
		} catch {
			return {
				problem: {
					line: 1,
					column: 1,
					message: `the file starts like ${bom16.toUpperCase()} but is not valid ${bom16.toUpperCase()}`,
					hint: 'save it as UTF-8',
				},
			};
		}
	}
	try {
		return { text: utf8.decode(bytes) };
	} catch {
		// Only the error path pays for finding the bad byte: decode the longest valid prefix.
		let valid = 0;
		while (valid < bytes.length) {
			const length = sequenceLength(bytes, valid);
			if (!length) break;
			valid += length;
		}
		const before = utf8.decode(bytes.subarray(0, valid));
		const position = positionFinder(before)(before.length);
		const byte = bytes[valid]!.toString(16).toUpperCase().padStart(2, '0');
		return {
			problem: {
				...position,
				message: `byte 0x${byte} is not UTF-8 text`,
				hint: 'save the file as UTF-8; it may have been written in Latin-1 or Windows-1252',
			},
		};
	}
}

/** Length of the well-formed UTF-8 sequence at `index`, or 0 (bounds as in the Unicode standard, table 3-7). */
function sequenceLength(bytes: Uint8Array, index: number): number {
	const first = bytes[index]!;
	if (first < 0x80) return 1;
	const continuation = (offset: number, low = 0x80, high = 0xbf) => {
		const byte = bytes[index + offset];
		return byte !== undefined && byte >= low && byte <= high;
	};
	if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
	if (first >= 0xe0 && first <= 0xef) {
		const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
		return continuation(1, low, high) && continuation(2) ? 3 : 0;
	}
	if (first >= 0xf0 && first <= 0xf4) {
		const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
		return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
	}
	return 0;
}

/** C0 controls other than tab, line feed and carriage return, DEL and the C1 controls: never text. */
// eslint-disable-next-line no-control-regex
export const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Where the first control character is, and which one, or undefined when there is none. */
export function findControlCharacter(text: string): (Position & { codePoint: string }) | undefined {
	controlCharacters.lastIndex = 0;
	const match = controlCharacters.exec(text);
	if (!match) return undefined;
	const codePoint = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
	return { ...positionFinder(text)(match.index), codePoint };
}

/**
 * `512 bytes`, `87.9 KB`, `600 MB`, `1.5 GB`: a size as a reader wants it, in a message or a
 * benchmark table, with about three significant digits.
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KB', 'MB', 'GB', 'TB'] as const;
	let value = bytes / 1024;
	let unit = 0;
	for (; value >= 1024 && unit < units.length - 1; unit++) value /= 1024;
	// A whole number reads without its ".0": limits are "16 KB", measurements "5.5 KB".
	return `${value < 100 ? String(Number(value.toFixed(1))) : value.toFixed(0)} ${units[unit]}`;
}
