import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContent } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		basicDist: string;
	}
}

/** Builds the shared fixture site once; tests that need other builds make their own. */
export default async function setup(project: TestProject) {
	const result = await buildSite('basic', fixtureContent('basic'));
	if (result.exitCode !== 0) throw new Error(`The basic fixture failed to build:\n${result.output}`);
	project.provide('basicDist', result.dist);
}
