import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlDocument } from '#lib/xml.ts';

/** Reads a document back as fast-xml-parser sees it, keeping every text exactly (no trimming, no number parsing). */
const parse = (xml: string) =>
	new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
	}).parse(xml);

const tricky = `a < b && c > d; "double" and 'single' quotes, ]]> and &amp; written out, Ünïcødé ✓`;

describe('xmlDocument', () => {
	it('starts with the XML declaration and writes one element per line, indented', () => {
		expect(xmlDocument({ schedule: { version: '1', conference: { title: 'FOSDEM' } } })).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n  <version>1</version>\n  <conference>\n    <title>FOSDEM</title>\n  </conference>\n</schedule>\n',
		);
	});

	it('escapes markup characters and quotes in text and attributes', () => {
		const xml = xmlDocument({
			event: { '@title': `"Q&A" <live>`, title: `Rust & C < Go's "speed"` },
		});
		expect(xml).toContain('<event title="&quot;Q&amp;A&quot; &lt;live&gt;">');
		expect(xml).toContain('<title>Rust &amp; C &lt; Go&apos;s &quot;speed&quot;</title>');
		expect(XMLValidator.validate(xml)).toBe(true);
	});

	it('round-trips tricky text and attributes through a parser unchanged', () => {
		const xml = xmlDocument({
			root: { '@note': tricky, text: tricky, lines: 'first line\n  second, indented' },
		});
		expect(XMLValidator.validate(xml)).toBe(true);
		const { root } = parse(xml);
		expect(root['@note']).toBe(tricky);
		expect(root.text).toBe(tricky);
		expect(root.lines).toBe('first line\n  second, indented');
	});

	it('repeats an element for each item of an array, in order, with attributes and text', () => {
		const xml = xmlDocument({
			links: {
				link: [
					{ '@href': 'https://a.example/?x=1&y=2', '#text': 'Slides' },
					{ '@href': 'https://b.example/', '#text': 'Video' },
				],
			},
		});
		expect(xml).toContain(
			'<link href="https://a.example/?x=1&amp;y=2">Slides</link>\n  <link href="https://b.example/">Video</link>',
		);
		expect(parse(xml).links.link).toEqual([
			{ '@href': 'https://a.example/?x=1&y=2', '#text': 'Slides' },
			{ '@href': 'https://b.example/', '#text': 'Video' },
		]);
		expect(xmlDocument({ links: { link: [] } })).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<links/>\n',
		);
	});

	it("writes '' as an empty element and leaves undefined elements and attributes out", () => {
		const xml = xmlDocument({
			event: { '@id': 7, '@guid': undefined, title: 'Talk', subtitle: '', abstract: undefined },
		});
		expect(xml).toContain('<event id="7">');
		expect(xml).toContain('<subtitle/>');
		expect(xml).not.toContain('guid');
		expect(xml).not.toContain('abstract');
	});

	it('writes numbers and booleans, zero and false included, as text and attribute values', () => {
		const xml = xmlDocument({
			testsuite: {
				'@tests': 0,
				'@failures': 3,
				'@skipped': false,
				'@done': true,
				optout: false,
				count: 0,
			},
		});
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(parse(xml).testsuite).toMatchObject({
			'@tests': '0',
			'@failures': '3',
			'@skipped': 'false',
			'@done': 'true',
			optout: 'false',
			count: '0',
		});
	});
});
