import { editDistance } from '#lib/search/suggest.ts';
import { entryTags, type ValidEntry } from './integrity';
import type { Problem } from './problem';

/**
 * A tag is "unknown" when only one entry uses it and it is a near-spelling of a tag that several
 * entries use (`pakaging` next to `packaging`, `container` next to `containers`): one concept,
 * one spelling. A new tag is welcome; a new spelling of an old one is a typo. "Near" means one
 * edit, or two for tags of eight letters or more, and tags under four letters are left alone
 * (`arm`, `x86`), so genuinely different short tags never collide.
 */
export function checkTags(entries: readonly ValidEntry[]): Problem[] {
	const users = new Map<string, ValidEntry[]>();
	for (const entry of entries) {
		for (const tag of new Set(entryTags(entry))) {
			users.set(tag, [...(users.get(tag) ?? []), entry]);
		}
	}
	const common = [...users].filter(([, entries]) => entries.length > 1).map(([tag]) => tag);
	const problems: Problem[] = [];
	for (const [tag, [entry, ...others]] of users) {
		if (others.length > 0 || tag.length < 4) continue;
		const budget = tag.length >= 8 ? 2 : 1;
		const closest = common
			.map((candidate) => ({ candidate, distance: editDistance(tag, candidate) }))
			.filter(({ distance }) => distance <= budget)
			.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))[0];
		if (!closest) continue;
		const index = entryTags(entry!).indexOf(tag);
		problems.push({
			file: entry!.file,
			...entry!.locate(['tags', index]),
			field: `tags.${index}`,
			message: `unknown tag "${tag}": no other entry uses it`,
			hint: `did you mean "${closest.candidate}" (used by ${users.get(closest.candidate)!.length} entries)?`,
		});
	}
	return problems;
}
