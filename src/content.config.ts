import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/content/content-dir';
import { entryIdFromPath } from './lib/content/entry-id';
import type { CollectionName } from './lib/content/collections';
import { schemas, type ReferenceFactory } from './schemas';

const astroReference = reference as unknown as ReferenceFactory;

function contentGlob(name: CollectionName) {
	return glob({
		base: `${contentDir}/${name}`,
		pattern: '**/*.{md,mdx}',
		generateId: ({ entry }) => entryIdFromPath(entry),
		// Pages use the rendered HTML, never the raw Markdown: keeping it doubled the content
		// cache at 10,000 talks (docs/benchmarks.md).
		retainBody: false,
	});
}

export const collections = {
	events: defineCollection({
		loader: contentGlob('events'),
		schema: schemas.events(astroReference),
	}),
	talks: defineCollection({ loader: contentGlob('talks'), schema: schemas.talks(astroReference) }),
	people: defineCollection({
		loader: contentGlob('people'),
		schema: schemas.people(astroReference),
	}),
	recaps: defineCollection({
		loader: contentGlob('recaps'),
		schema: schemas.recaps(astroReference),
	}),
	notes: defineCollection({ loader: contentGlob('notes'), schema: schemas.notes(astroReference) }),
	sponsors: defineCollection({
		loader: contentGlob('sponsors'),
		schema: schemas.sponsors(astroReference),
	}),
	'case-studies': defineCollection({
		loader: contentGlob('case-studies'),
		schema: schemas['case-studies'](astroReference),
	}),
	topics: defineCollection({
		loader: contentGlob('topics'),
		schema: schemas.topics(astroReference),
	}),
};
