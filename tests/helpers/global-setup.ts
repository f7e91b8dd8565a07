import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContent } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		basicDist: string;
		/** The search fixture, whose Pagefind index the golden queries run against. */
		searchDist: string;
	}
}

/** Builds the shared fixture sites once, side by side; tests that need other builds make their own. */
export default async function setup(project: TestProject) {
	const [result, search] = await Promise.all([
		buildSite('basic', fixtureContent('basic')),
		buildSite('search', fixtureContent('search')),
	]);
	if (result.exitCode !== 0) throw new Error(`The basic fixture failed to build:\n${result.output}`);
	if (search.exitCode !== 0) throw new Error(`The search fixture failed to build:\n${search.output}`);
	project.provide('basicDist', result.dist);
	project.provide('searchDist', search.dist);
}
