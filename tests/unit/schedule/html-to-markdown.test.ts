import { describe, expect, it } from 'vitest';
import { plainSummary, scheduleTextToMarkdown } from '#lib/schedule/html-to-markdown.ts';

describe('abstracts from schedules', () => {
	it('converts HTML to Markdown', () => {
		expect(
			scheduleTextToMarkdown(
				'<p>One <b>bold</b> <a href="https://x.org/">link</a></p><ul><li>a</li><li>b</li></ul>',
				'html',
			),
		).toBe('One **bold** [link](https://x.org/)\n\n- a\n- b');
	});

	it('never lets scripts, handlers, images or javascript: links through', () => {
		const markdown = scheduleTextToMarkdown(
			'<p onclick="steal()">Hi<script>alert(1)</script><img src="https://tracker.example/p.gif" onerror="x()"> <a href="javascript:alert(1)">click</a><style>p{}</style></p>',
			'html',
		);
		expect(markdown).toBe('Hi click');
	});

	it('decodes entities and keeps angle brackets as text', () => {
		expect(scheduleTextToMarkdown('<p>Tom &amp; Jerry &lt;3 &#8211; fun</p>', 'html')).toBe(
			'Tom & Jerry <3 – fun',
		);
	});

	it('reads pretalx Markdown as Markdown, normalising CRLF', () => {
		expect(scheduleTextToMarkdown('First line\r\n\r\n* item\r\n', 'markdown')).toBe(
			'First line\n\n- item',
		);
		expect(scheduleTextToMarkdown(undefined, 'markdown')).toBe('');
	});

	it('keeps tables and strikethrough, which used to stop the import with "Cannot handle unknown node"', () => {
		expect(
			scheduleTextToMarkdown(
				'<table><tr><th>a</th></tr><tr><td>1</td></tr></table><p><del>old</del></p>',
				'html',
			),
		).toBe('| a |\n| - |\n| 1 |\n\n~~old~~');
	});

	it.each([
		[
			'a custom element with a style overlay and a handler',
			'html',
			'<x-overlay style="position:fixed;inset:0" onmouseover="steal()">Win</x-overlay>',
			'Win',
		],
		[
			'a javascript: link in Markdown',
			'markdown',
			'[click](javascript:alert(1)) here',
			'click here',
		],
		['a data: link in Markdown', 'markdown', '[see](data:text/html;base64,PHNjcmlwdD4=)', 'see'],
		[
			'raw HTML in Markdown',
			'markdown',
			'Hi <script>alert(1)</script><img src=x onerror=alert(1)> <b>there</b>',
			'Hi **there**',
		],
		['an entity-encoded javascript: link', 'html', '<a href="&#106;avascript:alert(1)">x</a>', 'x'],
		['a reference-style javascript: link', 'markdown', '[x][r]\n\n[r]: javascript:alert(1)', 'x'],
		[
			'an iframe and a meta refresh',
			'markdown',
			'<iframe src="https://evil.example/"></iframe>\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\nText',
			'Text',
		],
	] as const)('removes %s', (_, format, text, expected) => {
		expect(scheduleTextToMarkdown(text, format)).toBe(expected);
	});

	it('summarises the first paragraph in plain words', () => {
		expect(plainSummary('**Bold** [link](https://x.org)\n\nSecond')).toBe('Bold link');
		const long = plainSummary('word '.repeat(100), 40)!;
		expect(long.length).toBeLessThanOrEqual(41);
		expect(long.endsWith('word…')).toBe(true);
	});

	it('resolves relative links against the talk’s schedule page, or keeps their text', () => {
		const html = '<p>FOSS <a href="Gleeson,">1</a> and <a href="/2020/">home</a></p>';
		expect(scheduleTextToMarkdown(html, 'html', 'https://fosdem.org/2020/schedule/event/x/')).toBe(
			'FOSS [1](https://fosdem.org/2020/schedule/event/x/Gleeson,) and [home](https://fosdem.org/2020/)',
		);
		expect(scheduleTextToMarkdown(html, 'html')).toBe('FOSS 1 and home');
	});
});
