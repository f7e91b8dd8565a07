import { createHash } from 'node:crypto';

/**
 * Which topics a talk is about, by the topics' rules (docs/topics.md): a talk belongs to a topic
 * when its text holds the topic's name, an alias or a term as whole words, ignoring case and
 * accents, except where the occurrence lies inside one of the topic's exclusions (false friends:
 * "test matrix" is no Matrix).
 *
 * Cost: every rule is compiled once into an index from a phrase's first word to the phrases
 * starting with it, so a talk's text is split into words once and each word costs one lookup,
 * whatever the number of topics. Results are cached per talk digest and topic digest: a talk
 * edited is matched again alone, a topic edited is matched again alone against every talk.
 */

/** What matching needs of a topic. */
export interface TopicRules {
	id: string;
	/** The name, the aliases and the terms: each attaches a talk. */
	terms: readonly string[];
	/** Phrases whose occurrences of a term do not count. */
	exclude: readonly string[];
}

/** A topic entry's rules: its name, aliases and terms attach a talk. */
export const topicRules = (
	id: string,
	topic: {
		name: string;
		aliases: readonly string[];
		match: { terms: readonly string[]; exclude: readonly string[] };
	},
): TopicRules => ({
	id,
	terms: [topic.name, ...topic.aliases, ...topic.match.terms],
	exclude: topic.match.exclude,
});

/** What matching needs of a talk: `digest` changes whenever `text` would. */
export interface MatchableTalk {
	id: string;
	digest: string;
	/** Title, summary and abstract as plain text; read only when the cache has no answer. */
	text(): string;
}

/** Letters (accents removed) and digits, lower-cased: `Sécurité`, `RISC-V`, `pmOS` → `securite`, `risc v`, `pmos`. */
export function words(text: string): string[] {
	return (
		text
			.normalize('NFKD')
			.replace(/\p{M}+/gu, '')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? []
	);
}

/** A digest of what matching reads of a topic: editing its description changes no match. */
export const topicRulesDigest = (topic: TopicRules) =>
	createHash('sha256')
		.update(JSON.stringify([topic.terms, topic.exclude]))
		.digest('base64url')
		.slice(0, 16);

interface Phrase {
	/** Index of the topic in the compiled list. */
	topic: number;
	words: readonly string[];
	excludes: boolean;
}

/** Rules compiled for scanning: phrases by their first word. */
export interface CompiledRules {
	ids: readonly string[];
	byFirstWord: ReadonlyMap<string, readonly Phrase[]>;
}

export function compileTopicRules(topics: readonly TopicRules[]): CompiledRules {
	const byFirstWord = new Map<string, Phrase[]>();
	topics.forEach((topic, index) => {
		const add = (text: string, excludes: boolean) => {
			const phrase = words(text);
			if (!phrase.length) return;
			const list = byFirstWord.get(phrase[0]!);
			const entry = { topic: index, words: phrase, excludes };
			if (list) list.push(entry);
			else byFirstWord.set(phrase[0]!, [entry]);
		};
		for (const term of topic.terms) add(term, false);
		for (const phrase of topic.exclude) add(phrase, true);
	});
	return { ids: topics.map((topic) => topic.id), byFirstWord };
}

/** The ids of the compiled topics the text is about, in the order they were compiled. */
export function matchTopics(rules: CompiledRules, text: string): string[] {
	const tokens = words(text);
	/** Per topic: spans [start, end) of terms found, and of exclusions found. */
	const found = new Map<number, { terms: [number, number][]; excluded: [number, number][] }>();
	for (let start = 0; start < tokens.length; start++) {
		const candidates = rules.byFirstWord.get(tokens[start]!);
		if (!candidates) continue;
		for (const phrase of candidates) {
			const end = start + phrase.words.length;
			if (
				end > tokens.length ||
				!phrase.words.every((word, offset) => tokens[start + offset] === word)
			)
				continue;
			let spans = found.get(phrase.topic);
			if (!spans) found.set(phrase.topic, (spans = { terms: [], excluded: [] }));
			(phrase.excludes ? spans.excluded : spans.terms).push([start, end]);
		}
	}
	const matched: number[] = [];
	for (const [topic, { terms, excluded }] of found) {
		const counts = terms.some(
			([start, end]) => !excluded.some(([from, to]) => from <= start && end <= to),
		);
		if (counts) matched.push(topic);
	}
	return matched.sort((a, b) => a - b).map((index) => rules.ids[index]!);
}

/** Results by talk id: the digest they were computed for and, per topic digest, whether the talk matched. */
export type TopicMatchCache = Map<string, { digest: string; matches: Map<string, boolean> }>;

/**
 * A matcher over the current topics: `topicsOf(talk)` answers from `cache` where it can and
 * scans the talk's text only against the topics the cache has no answer for.
 */
export function createTopicMatcher(
	topics: readonly TopicRules[],
	cache: TopicMatchCache = new Map(),
) {
	const digests = topics.map(topicRulesDigest);
	const current = new Set(digests);
	const compiled = new Map<string, CompiledRules>();
	/** Rules of the topics at these positions, compiled once per set: in practice all, or the one edited. */
	const rulesFor = (indexes: readonly number[]) => {
		const key = indexes.join(',');
		let rules = compiled.get(key);
		if (!rules)
			compiled.set(key, (rules = compileTopicRules(indexes.map((index) => topics[index]!))));
		return rules;
	};
	return {
		topicsOf(talk: MatchableTalk): string[] {
			let cached = cache.get(talk.id);
			if (!cached || cached.digest !== talk.digest)
				cache.set(talk.id, (cached = { digest: talk.digest, matches: new Map() }));
			const { matches } = cached;
			// Answers for topics that no longer exist (edited or removed) are dropped.
			for (const digest of matches.keys()) if (!current.has(digest)) matches.delete(digest);
			const missing = digests.flatMap((digest, index) => (matches.has(digest) ? [] : [index]));
			if (missing.length) {
				const rules = rulesFor(missing);
				const ids = new Set(matchTopics(rules, talk.text()));
				rules.ids.forEach((id, index) => matches.set(digests[missing[index]!]!, ids.has(id)));
			}
			return topics.flatMap((topic, index) => (matches.get(digests[index]!) ? [topic.id] : []));
		},
	};
}

/** A rendered body as the words a reader sees: tags (and the URLs in their attributes) removed, common entities decoded. */
export function htmlText(html: string): string {
	const entities: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: ' ',
	};
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
			const code =
				name[1] === 'x' || name[1] === 'X'
					? Number.parseInt(name.slice(2), 16)
					: Number(name.slice(1));
			return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		});
}
