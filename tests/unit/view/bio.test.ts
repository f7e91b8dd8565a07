import { describe, expect, it } from 'vitest';
import { bioOpening } from '#lib/view/bio.ts';

const person = (body: string) => `---\nname: "Ada"\n---\n\n${body}\n`;

describe('bioOpening', () => {
	it('gives the first paragraph as plain text: link texts without their addresses, no emphasis marks', () => {
		expect(
			bioOpening(
				person(
					'Leads the [Alpine Council](/events/x/) with *two* others and `apk`.\n\nSecond paragraph.',
				),
			),
		).toBe('Leads the Alpine Council with two others and apk.');
	});

	it('cuts a long opening after a whole sentence, or at a word with an ellipsis', () => {
		const sentences = `${'A first sentence that runs on for a while. '.repeat(3)}And one that does not fit at all in the window given.`;
		expect(bioOpening(person(sentences), 100)).toBe(
			'A first sentence that runs on for a while. A first sentence that runs on for a while.',
		);
		const oneSentence = `One long sentence ${'with many words '.repeat(20)}ending here.`;
		const cut = bioOpening(person(oneSentence), 60)!;
		expect(cut.endsWith('…')).toBe(true);
		expect(cut.length).toBeLessThanOrEqual(61);
		expect(cut).toMatch(/words…$|with…$|many…$/);
	});

	it('is undefined for a person without a biography', () => {
		expect(bioOpening(person(''))).toBeUndefined();
		expect(bioOpening('---\nname: "Ada"\n---\n\n## Only a heading\n')).toBeUndefined();
	});
});
