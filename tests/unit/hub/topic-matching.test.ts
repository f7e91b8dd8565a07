import { describe, expect, it } from 'vitest';
import {
	compileTopicRules,
	createTopicMatcher,
	htmlText,
	matchTopics,
	topicRulesDigest,
	words,
	type TopicMatchCache,
	type TopicRules,
} from '#lib/hub/topic-matching.ts';

const pmos: TopicRules = { id: 'postmarketos', terms: ['postmarketOS', 'pmOS'], exclude: [] };
const matrix: TopicRules = {
	id: 'matrix',
	terms: ['Matrix'],
	exclude: ['test matrix', 'matrix multiplication'],
};
const riscv: TopicRules = { id: 'risc-v', terms: ['RISC-V', 'riscv64'], exclude: [] };
const alpine: TopicRules = { id: 'alpine-linux', terms: ['Alpine Linux'], exclude: [] };
const security: TopicRules = { id: 'security', terms: ['sécurité'], exclude: [] };

describe('words', () => {
	it('splits on anything but letters and digits, lower-cased, without accents', () => {
		expect(words('Sécurité of RISC-V, on pmOS (postmarketOS.org)!')).toEqual([
			'securite',
			'of',
			'risc',
			'v',
			'on',
			'pmos',
			'postmarketos',
			'org',
		]);
		expect(words('—')).toEqual([]);
	});
});

describe('matchTopics', () => {
	const rules = compileTopicRules([pmos, matrix, riscv, alpine, security]);
	const match = (text: string) => matchTopics(rules, text);

	it('finds names, aliases and terms as whole words, ignoring case and accents', () => {
		expect(match('Running POSTMARKETOS on a phone')).toEqual(['postmarketos']);
		expect(match('pmos and Alpine   Linux')).toEqual(['postmarketos', 'alpine-linux']);
		expect(match('Securite du RISC-V')).toEqual(['risc-v', 'security']);
		expect(match('Booting riscv64 boards')).toEqual(['risc-v']);
	});

	it('ignores a term inside a longer word and a phrase whose words are apart', () => {
		expect(match('the pmOSfoo tool and xpostmarketos')).toEqual([]);
		expect(match('Alpine skiing on Linux')).toEqual([]);
		expect(match('RISC is not V')).toEqual([]);
	});

	it('leaves out occurrences inside an exclusion, but not the others in the same text', () => {
		expect(match('Our test matrix covers three compilers')).toEqual([]);
		expect(match('Matrix multiplication on GPUs')).toEqual([]);
		expect(match('A test matrix for Matrix clients')).toEqual(['matrix']);
	});

	it('lists topics in the order they were compiled, each once', () => {
		expect(match('RISC-V RISC-V postmarketOS pmOS')).toEqual(['postmarketos', 'risc-v']);
	});
});

describe('createTopicMatcher', () => {
	const talk = (id: string, digest: string, text: string) => {
		const reads = { count: 0 };
		return {
			reads,
			talk: {
				id,
				digest,
				text: () => {
					reads.count++;
					return text;
				},
			},
		};
	};

	it('answers again from the cache without reading the talk, and reads it again once its digest changes', () => {
		const cache: TopicMatchCache = new Map();
		const first = talk('a', 'd1', 'postmarketOS on RISC-V');
		expect(createTopicMatcher([pmos, riscv], cache).topicsOf(first.talk)).toEqual([
			'postmarketos',
			'risc-v',
		]);
		expect(createTopicMatcher([pmos, riscv], cache).topicsOf(first.talk)).toEqual([
			'postmarketos',
			'risc-v',
		]);
		expect(first.reads.count).toBe(1);
		const edited = talk('a', 'd2', 'Matrix on RISC-V');
		expect(createTopicMatcher([pmos, riscv], cache).topicsOf(edited.talk)).toEqual(['risc-v']);
		expect(edited.reads.count).toBe(1);
	});

	it('matches a talk again against an edited topic alone', () => {
		const cache: TopicMatchCache = new Map();
		createTopicMatcher([pmos, riscv], cache).topicsOf(
			talk('a', 'd1', 'postmarketOS on RISC-V and OpenRISC').talk,
		);
		const widened = { ...riscv, terms: [...riscv.terms, 'OpenRISC'] };
		const again = talk('a', 'd1', 'postmarketOS on RISC-V and OpenRISC');
		const matcher = createTopicMatcher([pmos, widened], cache);
		expect(matcher.topicsOf(again.talk)).toEqual(['postmarketos', 'risc-v']);
		expect(again.reads.count).toBe(1);
		// Only the edited topic's answer was computed again; the stale one is gone.
		expect([...cache.get('a')!.matches.keys()].sort()).toEqual(
			[topicRulesDigest(pmos), topicRulesDigest(widened)].sort(),
		);
		const narrowed = { ...pmos, exclude: ['postmarketOS on RISC-V'] };
		expect(createTopicMatcher([narrowed, widened], cache).topicsOf(again.talk)).toEqual(['risc-v']);
	});

	it('keys a topic by its rules only', () => {
		expect(topicRulesDigest(pmos)).toBe(topicRulesDigest({ ...pmos, id: 'renamed' }));
		expect(topicRulesDigest(pmos)).not.toBe(topicRulesDigest({ ...pmos, exclude: ['pmOS 2'] }));
	});
});

describe('htmlText', () => {
	it('keeps the words a reader sees: no tags, no link targets, entities decoded', () => {
		expect(
			htmlText(
				'<p>See <a href="https://postmarketos.org/">the site</a> &amp; the &#x2018;wiki&#8217; &nbsp;&bogus;</p>',
			),
		).toBe(' See  the site  & the ‘wiki’  &bogus; ');
		expect(words(htmlText('<a href="https://postmarketos.org">site</a>'))).toEqual(['site']);
	});
});
