import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContent } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		basicDist: string;
		/** Recordings of every provider, a missing one, an unrecorded one: the offline and privacy tests' site. */
		offlineDist: string;
	}
}

/** Builds the shared fixture sites once; tests that need other builds make their own. */
export default async function setup(project: TestProject) {
	const result = await buildSite('basic', fixtureContent('basic'));
	if (result.exitCode !== 0) throw new Error(`The basic fixture failed to build:\n${result.output}`);
	project.provide('basicDist', result.dist);
	const offline = await buildSite('offline', fixtureContent('offline'));
	if (offline.exitCode !== 0) throw new Error(`The offline fixture failed to build:\n${offline.output}`);
	project.provide('offlineDist', offline.dist);
}
