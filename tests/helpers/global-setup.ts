import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContent } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		basicDist: string;
		/** The search fixture, whose Pagefind index the golden queries run against. */
		searchDist: string;
	}
}

/**
 * Builds the shared fixture sites once; tests that need other builds make their own. One after
 * the other: every build rewrites the project's `.astro/content-modules.mjs` for its content tree.
 */
export default async function setup(project: TestProject) {
	const result = await buildSite('basic', fixtureContent('basic'));
	if (result.exitCode !== 0) throw new Error(`The basic fixture failed to build:\n${result.output}`);
	const search = await buildSite('search', fixtureContent('search'));
	if (search.exitCode !== 0) throw new Error(`The search fixture failed to build:\n${search.output}`);
	project.provide('basicDist', result.dist);
	project.provide('searchDist', search.dist);
}
