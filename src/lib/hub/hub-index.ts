import type { CollectionEntry } from 'astro:content';
import type { CollectionName } from '#lib/content/collections.ts';
import { buildSeriesIndex } from './series';

export type Entry<C extends CollectionName = CollectionName> = CollectionEntry<C>;
export type HubCollections = { [C in CollectionName]: Entry<C>[] };
type Ref<C extends CollectionName = CollectionName> = { collection: C; id: string };

/** Something a talk is discussed in: a recap, a note or a case study. */
export type Writing = Entry<'recaps'> | Entry<'notes'> | Entry<'case-studies'>;

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) =>
	a.data.title.localeCompare(b.data.title);
const byName = (a: { data: { name: string } }, b: { data: { name: string } }) =>
	a.data.name.localeCompare(b.data.name);
const newestFirst =
	<Dated extends { data: { title: string } }>(date: (entry: Dated) => string | undefined) =>
	(a: Dated, b: Dated) =>
		(date(b) ?? '').localeCompare(date(a) ?? '') || byTitle(a, b);

/** When an event happens, for sorting: its first day, else its announced month. */
export const eventDate = (event: Entry<'events'>) => event.data.start ?? event.data.month ?? '';
/** When a piece of writing was last dated. */
export const writingDate = (entry: Writing) => updatedOf(entry) || entry.data.published || '';

/** The date an entry's front matter says it was last updated (`updated:`), if its collection has one. */
export const updatedOf = (entry: Entry): string | undefined =>
	('updated' in entry.data && entry.data.updated) || undefined;

/**
 * Talks in programme order: by day and start, untimed talks after timed ones, then in running
 * order where it is known (`position`: a recap lists its event's talks as they ran), then by title.
 */
export function compareTalks(
	a: Entry<'talks'>,
	b: Entry<'talks'>,
	position: (talk: Entry<'talks'>) => number | undefined = () => undefined,
): number {
	const key = (talk: Entry<'talks'>) =>
		`${talk.data.day ?? '9999-99-99'}T${talk.data.start ?? '99:99'}`;
	return (
		key(a).localeCompare(key(b)) ||
		(position(a) ?? Infinity) - (position(b) ?? Infinity) ||
		byTitle(a, b)
	);
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		for (const key of new Set(keys(item))) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}

/**
 * Every relation the pages need, computed once per build: per-page scans of whole
 * collections would make builds quadratic in the number of talks.
 */
export function buildHubIndex(
	collections: HubCollections,
	{
		talkCards = new Map(),
		matchedTopics = new Map(),
	}: {
		/** Talk ids whose cards each writing entry (`recaps/<id>`) embeds. */
		talkCards?: ReadonlyMap<string, ReadonlySet<string>>;
		/** Topic ids each talk's text matched by the topics' rules (`src/lib/hub/topic-matching.ts`), by talk id. */
		matchedTopics?: ReadonlyMap<string, readonly string[]>;
	} = {},
) {
	const events = [...collections.events].sort(newestFirst(eventDate));
	const people = [...collections.people].sort(byName);
	const recaps = [...collections.recaps].sort(newestFirst((entry) => entry.data.published));
	// Where times are missing, the earliest recap's list of talks is the running order.
	const runningOrder = new Map<string, number>();
	for (const recap of recaps)
		recap.data.talks.forEach((ref, index) => runningOrder.set(ref.id, index));
	const talks = [...collections.talks].sort((a, b) =>
		compareTalks(a, b, (talk) => runningOrder.get(talk.id)),
	);
	const notes = [...collections.notes].sort(newestFirst(writingDate));
	const sponsors = [...collections.sponsors].sort(byName);
	const caseStudies = [...collections['case-studies']].sort(
		newestFirst((entry) => entry.data.published),
	);
	const topics = [...collections.topics].sort(byName);

	const byCollection: { [C in CollectionName]: Entry<C>[] } = {
		events,
		talks,
		people,
		recaps,
		notes,
		sponsors,
		'case-studies': caseStudies,
		topics,
	};
	const entriesByKey = new Map<string, Entry>(
		Object.values(byCollection)
			.flat()
			.map((entry) => [`${entry.collection}/${entry.id}`, entry]),
	);
	const writing: Writing[] = [...recaps, ...notes, ...caseStudies];
	const writingTalks = (entry: Writing): Ref[] =>
		entry.collection === 'recaps' ? entry.data.talks : entry.data.relatedTalks;
	const ids = (refs: readonly Ref[] | undefined) => (refs ?? []).map((ref) => ref.id);

	const talksByEvent = groupBy(talks, (talk) => [talk.data.event.id]);
	const talksByPerson = groupBy(talks, (talk) => [
		...ids(talk.data.speakers),
		...ids(talk.data.moderators),
	]);
	const recapsByEvent = groupBy(recaps, (recap) => [recap.data.event.id]);
	const writingByTalk = groupBy(writing, (entry) => ids(writingTalks(entry)));
	const writingByAuthor = groupBy([...recaps, ...notes], (entry) =>
		entry.data.author ? [entry.data.author.id] : [],
	);
	const eventsByOrganiser = groupBy(events, (event) => ids(event.data.organisers));
	const eventsBySponsor = groupBy(events, (event) => ids(event.data.sponsors));
	const caseStudiesBySponsor = groupBy(caseStudies, (study) => [study.data.sponsor.id]);
	const notesByNote = groupBy(notes, (note) => ids(note.data.relatedNotes));
	const notesByCaseStudy = groupBy(notes, (note) => ids(note.data.relatedCaseStudies));
	const tagged = [...events, ...talks, ...recaps, ...notes, ...caseStudies];
	const entriesByTag = groupBy(tagged, (entry) => entry.data.tags);

	// A talk's topics are those its front matter names and those the rules matched; writing's, those it names.
	const topicOrder = new Map(topics.map((topic, index) => [topic.id, index]));
	const topicIdsOf = (entry: Entry): string[] => {
		const named = 'topics' in entry.data ? ids(entry.data.topics) : [];
		const matched = entry.collection === 'talks' ? (matchedTopics.get(entry.id) ?? []) : [];
		return [...new Set([...named, ...matched])].sort(
			(a, b) => (topicOrder.get(a) ?? Infinity) - (topicOrder.get(b) ?? Infinity),
		);
	};
	const talksByTopic = groupBy(talks, topicIdsOf);
	const writingByTopic = groupBy(writing, topicIdsOf);
	const eventsByTopic = groupBy(events, topicIdsOf);
	const subtopics = groupBy(topics, (topic) => (topic.data.parent ? [topic.data.parent.id] : []));
	const sharedTalks = new Map<string, Map<string, number>>();
	for (const talk of talks) {
		const about = topicIdsOf(talk);
		for (const one of about) {
			for (const other of about) {
				if (one === other) continue;
				const counts = sharedTalks.get(one) ?? new Map<string, number>();
				sharedTalks.set(one, counts.set(other, (counts.get(other) ?? 0) + 1));
			}
		}
	}

	return {
		events,
		talks,
		people,
		recaps,
		notes,
		sponsors,
		caseStudies,
		/** A collection's entries, sorted as its list page shows them. */
		entries: <C extends CollectionName>(collection: C): Entry<C>[] => byCollection[collection],
		/** Resolves a reference; integrity checks guarantee it exists in a valid build. */
		get<C extends CollectionName>(ref: Ref<C>): Entry<C> {
			const entry = entriesByKey.get(`${ref.collection}/${ref.id}`);
			if (!entry) throw new Error(`Unknown ${ref.collection} entry "${ref.id}"`);
			return entry as Entry<C>;
		},
		getAll<C extends CollectionName>(refs: readonly Ref<C>[] | undefined): Entry<C>[] {
			return (refs ?? []).map((ref) => this.get(ref));
		},
		talksOf: (eventId: string) => talksByEvent.get(eventId) ?? [],
		/** Talks a person gave or moderated. */
		talksBy: (personId: string) => talksByPerson.get(personId) ?? [],
		recapsOf: (eventId: string) => recapsByEvent.get(eventId) ?? [],
		/** Recaps, notes and case studies that reference a talk. */
		discussedIn: (talkId: string) => writingByTalk.get(talkId) ?? [],
		/** Whether a recap, note or case study shows the talk's card, which links can then point at. */
		embedsTalkCard: (entry: Writing, talkId: string) =>
			talkCards.get(`${entry.collection}/${entry.id}`)?.has(talkId) ?? false,
		writingBy: (personId: string) => writingByAuthor.get(personId) ?? [],
		eventsOrganisedBy: (personId: string) => eventsByOrganiser.get(personId) ?? [],
		eventsSponsoredBy: (sponsorId: string) => eventsBySponsor.get(sponsorId) ?? [],
		caseStudiesOf: (sponsorId: string) => caseStudiesBySponsor.get(sponsorId) ?? [],
		notesCiting: (collection: 'notes' | 'case-studies', id: string) =>
			(collection === 'notes' ? notesByNote : notesByCaseStudy).get(id) ?? [],
		/** Series, their editions and their tracks across the years. */
		series: buildSeriesIndex(events, (eventId) => talksByEvent.get(eventId) ?? []),
		/** Tags with their entries, most used first. */
		tags: [...entriesByTag].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)),
		taggedWith: (tag: string) => entriesByTag.get(tag) ?? [],
		/** Topics by name. */
		topics,
		/** The topics of a talk (named or matched) or of an event or writing (named), by name. */
		topicsOf: (entry: Entry): Entry<'topics'>[] =>
			topicIdsOf(entry).map((id) => entriesByKey.get(`topics/${id}`) as Entry<'topics'>),
		/** Talks about a topic, in programme order. */
		talksAbout: (topicId: string) => talksByTopic.get(topicId) ?? [],
		/** Recaps, notes and case studies that name a topic. */
		writingAbout: (topicId: string) => writingByTopic.get(topicId) ?? [],
		/** Events that name a topic, newest first. */
		eventsAbout: (topicId: string) => eventsByTopic.get(topicId) ?? [],
		/** Topics whose parent is this one. */
		subtopicsOf: (topicId: string) => subtopics.get(topicId) ?? [],
		/** Other topics sharing talks with this one, most shared first. */
		relatedTopics: (topicId: string): { topic: Entry<'topics'>; shared: number }[] =>
			[...(sharedTalks.get(topicId) ?? [])]
				.map(([id, shared]) => ({
					topic: entriesByKey.get(`topics/${id}`) as Entry<'topics'>,
					shared,
				}))
				.sort((a, b) => b.shared - a.shared || byName(a.topic, b.topic)),
	};
}

export type HubIndex = ReturnType<typeof buildHubIndex>;
