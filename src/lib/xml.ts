import { XMLBuilder } from 'fast-xml-parser';

/**
 * An element as plain data: keys are child element names in document order, `@name` keys
 * attributes, `#text` the element's own text; an array repeats an element, `''` writes it
 * empty (`<subtitle/>`), `undefined` leaves it (or an attribute) out.
 */
export type XmlElement = {
	[name: string]: XmlElement | XmlElement[] | string | number | boolean | undefined;
};

// `suppressBooleanAttributes` would write `true` as a bare `done`, which XML does not allow.
const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	format: true,
	indentBy: '  ',
	suppressEmptyNode: true,
	suppressBooleanAttributes: false,
});

/** An XML document written by fast-xml-parser's builder, which escapes every text and attribute. */
export function xmlDocument(root: XmlElement): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;
}
