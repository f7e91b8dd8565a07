import { slug } from 'github-slugger';
import { entryTags, type ValidEntry } from './integrity';
import type { Problem } from './problem';

/**
 * What a topic's references alone do not rule out: a topic that is its own ancestor through
 * `parent`, and a tag that names a topic. A subject with a topic page is written in `topics:`,
 * never as a tag, so it has one place (docs/architecture.md, "Tags and topics").
 */
export function checkTopics(entries: readonly ValidEntry[]): Problem[] {
	const topics = new Map(
		entries.flatMap((entry) => (entry.collection === 'topics' ? [[entry.id, entry] as const] : [])),
	);
	const problems: Problem[] = [];

	for (const topic of topics.values()) {
		const chain = [topic.id];
		for (
			let parent = topic.data.parent?.id;
			parent !== undefined;
			parent = topics.get(parent)?.data.parent?.id
		) {
			if (parent === topic.id) {
				problems.push({
					file: topic.file,
					...topic.locate(['parent']),
					field: 'parent',
					message: `topic "${topic.id}" is its own ancestor: ${[...chain, parent].join(' → ')}`,
					hint: 'a parent is a broader topic; remove "parent" from one of them',
				});
				break;
			}
			if (chain.includes(parent) || !topics.has(parent)) break;
			chain.push(parent);
		}
	}

	/** Each topic by its id and by the slug of its name and of each alias: `pmOS` → `pmos`. */
	const named = new Map<string, string>();
	for (const topic of topics.values()) {
		for (const name of [
			topic.id,
			slug(topic.data.name),
			...topic.data.aliases.map((alias) => slug(alias)),
		])
			if (!named.has(name)) named.set(name, topic.id);
	}
	for (const entry of entries) {
		entryTags(entry).forEach((tag, index) => {
			const topic = named.get(tag);
			if (!topic) return;
			problems.push({
				file: entry.file,
				...entry.locate(['tags', index]),
				field: `tags.${index}`,
				message: `tag "${tag}" names the topic "${topic}"`,
				hint: `write it as a topic, topics: [${topic}], and remove the tag`,
			});
		});
	}
	return problems;
}
