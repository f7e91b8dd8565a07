import { readFile } from 'node:fs/promises';
import { getCollection } from 'astro:content';
import { createCacheKeys, type CacheKeys } from './cache-keys';
import { collectionNames, type CollectionName } from '#lib/content/collections.ts';
import { contentDir } from '#lib/content/content-dir.ts';
import { lastUpdatedDay } from '#lib/content/git.ts';
import {
	buildHubIndex,
	updatedOf,
	type HubCollections,
	type HubIndex,
	type Writing,
} from './hub-index';
import { talkCardIds } from './talk-cards';
import { createTopicMatcher, htmlText, topicRules, type TopicMatchCache } from './topic-matching';
import { markdownBody } from '#lib/validation/frontmatter.ts';

/**
 * Which topics each talk matched, kept for as long as the process lives: a build matches every
 * talk once, and `astro dev` matches again only the talks and topics that changed.
 */
const topicMatches: TopicMatchCache = new Map();

let hub: Promise<HubIndex> | undefined;
let cacheKeys: Promise<CacheKeys> | undefined;

/** The talk cards each MDX recap, note and case study embeds, read from its source file. */
async function readTalkCards(collections: HubCollections): Promise<Map<string, Set<string>>> {
	const writing: Writing[] = [
		...collections.recaps,
		...collections.notes,
		...collections['case-studies'],
	];
	const cards = new Map<string, Set<string>>();
	for (const entry of writing) {
		if (!entry.filePath?.endsWith('.mdx')) continue;
		cards.set(
			`${entry.collection}/${entry.id}`,
			new Set(talkCardIds(entry.filePath, await readFile(entry.filePath, 'utf8'))),
		);
	}
	return cards;
}

/** The topics each talk's title, summary and abstract match by the topics' rules, by talk id. */
async function matchTalkTopics(collections: HubCollections): Promise<Map<string, string[]>> {
	const matcher = createTopicMatcher(
		collections.topics.map((topic) => topicRules(topic.id, topic.data)),
		topicMatches,
	);
	const matched = new Map<string, string[]>();
	for (const talk of collections.talks) {
		const { title, summary } = talk.data;
		const { rendered, filePath } = talk;
		// Markdown talks keep their rendered HTML, read only if the cache lacks an answer; the
		// few MDX talks (rendered on every build) are read from their files.
		const mdxBody = !rendered && filePath ? markdownBody(await readFile(filePath, 'utf8')) : '';
		matched.set(
			talk.id,
			matcher.topicsOf({
				id: talk.id,
				digest: String(talk.digest),
				text: () => [title, summary ?? '', rendered ? htmlText(rendered.html) : mdxBody].join('\n'),
			}),
		);
	}
	return matched;
}

/** The hub's collections and relations, loaded once per build and shared by every page. */
export function loadHub(): Promise<HubIndex> {
	hub ??= Promise.all(
		collectionNames.map(async (name) => [name, await getCollection(name)] as const),
	).then(async (loaded) => {
		const collections = Object.fromEntries(loaded) as unknown as HubCollections;
		const matching = performance.now();
		const matchedTopics = await matchTalkTopics(collections);
		// Read by the benchmark (tools/bench/measure.ts) as the cost of topics.
		console.info(
			`[edelweiss:topics] ${collections.talks.length.toLocaleString('en')} talks matched against ${collections.topics.length} topics in ${((performance.now() - matching) / 1000).toFixed(2)}s`,
		);
		return buildHubIndex(collections, {
			talkCards: await readTalkCards(collections),
			matchedTopics,
		});
	});
	return hub;
}

/**
 * The `getStaticPaths` of an entry route (`src/pages/<collection>/[...id].astro`): a page per
 * entry of `collection`, the entry as the `entry` prop, with its incremental-build key.
 */
export async function entryPaths<C extends CollectionName>(collection: C) {
	const [hub, keys] = await Promise.all([loadHub(), loadCacheKeys()]);
	return hub
		.entries(collection)
		.map((entry) => ({ params: { id: entry.id }, props: { entry }, cacheKey: keys.entry(entry) }));
}

/** Each page's key for incremental builds (`src/lib/hub/cache-keys.ts`), computed once per build. */
export function loadCacheKeys(): Promise<CacheKeys> {
	cacheKeys ??= loadHub().then((index) =>
		createCacheKeys(index, {
			lastUpdated: (entry) => lastUpdatedDay(entry.filePath, contentDir, updatedOf(entry)),
		}),
	);
	return cacheKeys;
}
