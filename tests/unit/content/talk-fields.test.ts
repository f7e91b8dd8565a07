import { describe, expect, it } from 'vitest';
import { linkNotes, talkFieldFacts, talkFields } from '#lib/content/talk-fields.ts';

const talk = (data: Record<string, unknown>) => ({ collection: 'talks', id: 't', data: { links: [], ...data } }) as never;
const slides = (licence?: string) => ({ kind: 'slides' as const, url: 'https://example.org/slides.pdf', ...(licence ? { licence } : {}) });

describe('talkFields', () => {
	it('gives a talk its facts in page order, left out where it has no value', () => {
		const facts = talkFieldFacts(
			talk({ duration: 90, track: 'Containers', language: 'de', links: [slides('CC-BY-SA-4.0'), slides('CC-BY-SA-4.0'), slides('MIT')] }),
		);
		expect(facts).toEqual([
			{ label: 'Duration', parts: ['1 h 30 min'] },
			{ label: 'Track', parts: ['Containers'] },
			undefined,
			{ label: 'Language', parts: ['German'] },
			{ label: 'Slides licence', parts: ['CC-BY-SA-4.0, MIT'] },
		]);
	});
	it('makes language and the slides licence search facets, each with a hint', () => {
		expect(talkFields.filter((field) => field.facet).map((field) => [field.key, field.facet?.hint])).toEqual([
			['language', 'e.g. english'],
			['slides-licence', 'e.g. cc-by-sa-40'],
		]);
	});
	it("notes a slides link's licence for its exported title, and nothing for other links", () => {
		expect(linkNotes(slides('CC-BY-SA-4.0'))).toEqual(['licence: CC-BY-SA-4.0']);
		expect(linkNotes(slides())).toEqual([]);
	});
});
