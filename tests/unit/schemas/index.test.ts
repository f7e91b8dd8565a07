import { describe, expect, it } from 'vitest';
import { plainDate, singleLine, tag, url } from '#schemas/common.ts';
import { schemas } from '#schemas/index.ts';
import { referenceById } from '#lib/validation/reference-by-id.ts';

const talkSchema = schemas.talks(referenceById);
const eventSchema = schemas.events(referenceById);

describe('plain dates', () => {
	it('accepts real calendar dates and YAML Date values', () => {
		expect(plainDate.parse(new Date('2021-05-18T00:00:00Z'))).toBe('2021-05-18');
	});
	it('rejects impossible dates and other formats', () => {
		const result = plainDate.safeParse('2021-13-01');
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.message).toContain('YYYY-MM-DD');
	});
});

describe('titles and names', () => {
	it.each([
		'Ends the title\r\n<script>',
		'two\nlines',
		'carriage\rreturn',
		'line\u2028separator',
		'paragraph\u2029separator',
	])('refuse a line break: %j', (value) => {
		const result = singleLine.safeParse(value);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.message).toBe('expected one line of text, found a line break');
	});
	it('accept one line, tabs and non-ASCII included', () => {
		expect(singleLine.parse('Über\tCafé — 量子')).toBe('Über\tCafé — 量子');
	});
});

describe('URLs', () => {
	it.each([
		['https://video.fosdem.org/2020/Janson/linux_kernel.webm', true],
		['http://192.0.2.7:8080/talk.mp4', true],
		['https://例え.jp/', true],
		// A host with `;` would add directives to the page's Content-Security-Policy.
		['https://a;script-src;.example/v.webm', false],
		['https://a%3Bb.example/v.webm', false],
		["https://a'b.example/", false],
		['javascript:alert(1)', false],
		['ftp://files.example.org/x', false],
		['//example.org/x', false],
	])('%s is %s', (value, valid) => {
		expect(url.safeParse(value).success).toBe(valid);
	});

	it('says what it found', () => {
		expect(url.safeParse('https://a;script-src;.example/v.webm').error?.issues[0]?.message).toBe(
			'expected an absolute http(s) URL on a host name such as "https://example.org/", found "https://a;script-src;.example/v.webm"',
		);
	});
});

describe('tags', () => {
	it('keeps one lower-case spelling', () => {
		expect(tag.safeParse('build-infrastructure').success).toBe(true);
		expect(tag.safeParse('s390x').success).toBe(true);
		expect(tag.safeParse('Containers').success).toBe(false);
		expect(tag.safeParse('bare metal').success).toBe(false);
	});
});

describe('talk schema', () => {
	it('turns references into collection/id pairs and fills defaults', () => {
		const talk = talkSchema.parse({
			title: 'Podman',
			event: 'fosdem-2020',
			speakers: ['sascha-grunert'],
		});
		expect(talk.event).toEqual({ collection: 'events', id: 'fosdem-2020' });
		expect(talk.speakers).toEqual([{ collection: 'people', id: 'sascha-grunert' }]);
		expect(talk.kind).toBe('talk');
		expect(talk.tags).toEqual([]);
	});
	it('requires a day for a start time and rejects bad times and kinds', () => {
		const result = talkSchema.safeParse({ title: 'x', event: 'e', start: '25:00', kind: 'sermon' });
		const paths = result.error?.issues.map((issue) => issue.path.join('.'));
		expect(paths).toEqual(expect.arrayContaining(['start', 'kind']));
		const noDay = talkSchema.safeParse({ title: 'x', event: 'e', start: '10:00' });
		expect(noDay.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['day']);
	});
	it('takes BCP 47 language tags and says what it expected otherwise', () => {
		expect(talkSchema.parse({ title: 'x', event: 'e', language: 'pt-BR' }).language).toBe('pt-BR');
		const english = talkSchema.safeParse({ title: 'x', event: 'e', language: 'English' });
		expect(english.error?.issues[0]?.message).toBe(
			'expected a language tag such as "en" or "pt-BR"',
		);
	});
	it('takes a licence on slides links only, and says so at the link', () => {
		const slides = { kind: 'slides', url: 'https://example.org/s.pdf', licence: ' CC-BY-SA-4.0 ' };
		expect(talkSchema.parse({ title: 'x', event: 'e', links: [slides] }).links[0]?.licence).toBe(
			'CC-BY-SA-4.0',
		);
		const code = talkSchema.safeParse({
			title: 'x',
			event: 'e',
			links: [slides, { kind: 'code', url: 'https://example.org/', licence: 'MIT' }],
		});
		expect(code.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['links.1.licence', 'expected "licence" only on slides (kind: slides)'],
		]);
		expect(
			talkSchema.safeParse({ title: 'x', event: 'e', links: [{ ...slides, licence: '' }] }).success,
		).toBe(false);
	});
});

describe('event schema', () => {
	it('needs dates unless merely announced', () => {
		expect(
			eventSchema.safeParse({ title: 'AlpineConf 2022', status: 'announced', month: '2022-05' })
				.success,
		).toBe(true);
		const held = eventSchema.safeParse({ title: 'FOSDEM 2020' });
		expect(held.error?.issues[0]?.path).toEqual(['start']);
	});
	it('rejects an end before the start', () => {
		const result = eventSchema.safeParse({ title: 'x', start: '2020-02-02', end: '2020-02-01' });
		expect(result.error?.issues[0]?.path).toEqual(['end']);
	});
});

describe('topics', () => {
	const topicSchema = schemas.topics(referenceById);
	it('fills empty aliases, links and rules, and turns parent and talks’ topics into references', () => {
		expect(
			topicSchema.parse({ name: 'musl', summary: 'A C library.', parent: 'alpine-linux' }),
		).toMatchObject({
			aliases: [],
			links: [],
			match: { terms: [], exclude: [] },
			parent: { collection: 'topics', id: 'alpine-linux' },
		});
		expect(talkSchema.parse({ title: 'T', event: 'conf', topics: ['musl'] }).topics).toEqual([
			{ collection: 'topics', id: 'musl' },
		]);
	});
	it('refuses a term without a letter or digit, since matching compares words', () => {
		const result = topicSchema.safeParse({ name: 'C++', summary: 'S.', match: { terms: ['++'] } });
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['match.terms.0', 'expected a phrase with at least one letter or digit, found "++"'],
		]);
	});
});
