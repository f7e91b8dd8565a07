import { asciiId } from '#lib/content/entry-id.ts';
import { limits } from '#lib/content/limits.ts';

/**
 * A track's one slug, in every URL that names it: the event's track page
 * (`/events/fosdem-2024/track/hpc-big-data-and-data-science/`), the series' track page and the
 * search filter (`/search/?track=…`). ASCII words joined by single hyphens, as entry ids are:
 * no percent-encoded letters, no `--` where punctuation stood, and the same slug when an edition
 * changes only the spelling. Case, accents, punctuation, `&` for `and`, and a trailing "devroom"
 * (FOSDEM 2024 added it to every name) are ignored: `HPC, Big Data & Data Science devroom` is
 * `HPC, Big Data and Data Science`. Empty when nothing is left to name a track by.
 */
export function trackSlug(name: string): string {
	let key = asciiId(name.replace(/&/g, ' and '), limits.idBytes);
	for (
		let shorter = key.replace(/-?devroom$/, '');
		shorter && shorter !== key;
		shorter = key.replace(/-?devroom$/, '')
	)
		key = shorter;
	return key;
}
