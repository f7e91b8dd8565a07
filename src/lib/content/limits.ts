/**
 * Sizes past which input is refused, with a message naming the limit. Each is far above what
 * real input needs (the longest FOSDEM 2020 abstract is 7.5 KB, the longest note here 11 KB)
 * and far below what hurts: a 10 MB abstract once took a 3.4 GB build.
 */
export const limits = {
	/** One content file, front matter and body. */
	contentFileBytes: 512 * 1024,
	/** One schedule file (FOSDEM 2020, 872 talks, is 2 MB). */
	scheduleFileBytes: 64 * 1024 * 1024,
	/** One imported text: an abstract or description (before conversion to Markdown). */
	scheduleTextBytes: 128 * 1024,
	/** One imported title, name or other single-line field. */
	scheduleFieldBytes: 2 * 1024,
	/** An entry id, in bytes: file systems allow 255 for a name, and ids get `-2` and `.md` added. */
	idBytes: 80,
	/** How deep XML elements may nest: frab schedules need 7 (`schedule/day/room/event/persons/person`). */
	xmlDepth: 32,
	/**
	 * How deep quotes, lists, HTML elements and emphasis may nest in a body or an imported text,
	 * counted before any parser runs (`src/lib/markdown/markup-limits.ts`): parsers and tree walks
	 * recurse once a level, and 10,000 nested `>` overflowed the stack. Real text needs under 10.
	 */
	markupDepth: 64,
	/**
	 * One paragraph of a body or an imported text (lines up to a blank one), and the emphasis marks
	 * and brackets in it: micromark's time grows with the square of each (a 425 KB paragraph of
	 * unfinished links took 54 s). The longest paragraph here is 2 KB, with under 100 marks.
	 */
	paragraphBytes: 16 * 1024,
	paragraphMarks: 500,
} as const;
