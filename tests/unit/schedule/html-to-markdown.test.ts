import { describe, expect, it } from 'vitest';
import { plainSummary, scheduleTextToMarkdown } from '../../../src/lib/schedule/html-to-markdown';

describe('abstracts from schedules', () => {
	it('converts HTML to Markdown', () => {
		expect(scheduleTextToMarkdown('<p>One <b>bold</b> <a href="https://x.org/">link</a></p><ul><li>a</li><li>b</li></ul>')).toBe(
			'One **bold** [link](https://x.org/)\n\n- a\n- b',
		);
	});

	it('never lets scripts, handlers, images or javascript: links through', () => {
		const markdown = scheduleTextToMarkdown(
			'<p onclick="steal()">Hi<script>alert(1)</script><img src="https://tracker.example/p.gif" onerror="x()"> <a href="javascript:alert(1)">click</a><style>p{}</style></p>',
		);
		expect(markdown).toBe('Hi click');
	});

	it('decodes entities and keeps angle brackets as text', () => {
		expect(scheduleTextToMarkdown('<p>Tom &amp; Jerry &lt;3 &#8211; fun</p>')).toBe('Tom & Jerry <3 – fun');
	});

	it('takes text without markup as Markdown, normalising CRLF', () => {
		expect(scheduleTextToMarkdown('First line\r\n\r\n* item\r\n')).toBe('First line\n\n* item');
		expect(scheduleTextToMarkdown(undefined)).toBe('');
	});

	it('summarises the first paragraph in plain words', () => {
		expect(plainSummary('**Bold** [link](https://x.org)\n\nSecond')).toBe('Bold link');
		const long = plainSummary('word '.repeat(100), 40)!;
		expect(long.length).toBeLessThanOrEqual(41);
		expect(long.endsWith('word…')).toBe(true);
	});

	it('resolves relative links against the talk’s schedule page, or keeps their text', () => {
		const html = '<p>FOSS <a href="Gleeson,">1</a> and <a href="/2020/">home</a></p>';
		expect(scheduleTextToMarkdown(html, 'https://fosdem.org/2020/schedule/event/x/')).toBe(
			'FOSS [1](https://fosdem.org/2020/schedule/event/x/Gleeson,) and [home](https://fosdem.org/2020/)',
		);
		expect(scheduleTextToMarkdown(html)).toBe('FOSS 1 and home');
	});
});
