import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContent, outputRoot } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The small fixture site in tests/fixtures/basic. */
		basicDist: string;
		/** The real hub, built from content/. */
		siteDist: string;
		/** What `astro build` printed for the real hub. */
		siteBuildLog: string;
		/** Recordings of every provider, a missing one, an unrecorded one: the offline and privacy tests' site. */
		offlineDist: string;
	}
}

/** Builds the shared sites once per run; tests that need other builds make their own. */
export default async function setup(project: TestProject) {
	const [basic, site] = await Promise.all([buildSite('basic', fixtureContent('basic')), buildSite('site', 'content')]);
	// After the others: a third build at once starves two cores.
	const offline = await buildSite('offline', fixtureContent('offline'));
	for (const [name, result] of [['basic fixture', basic], ['real content', site], ['offline fixture', offline]] as const) {
		if (result.exitCode !== 0) throw new Error(`The ${name} site failed to build:\n${result.output}`);
	}
	const siteBuildLog = path.join(outputRoot, 'site', 'build.log');
	await writeFile(siteBuildLog, site.output);
	project.provide('basicDist', basic.dist);
	project.provide('siteDist', site.dist);
	project.provide('siteBuildLog', siteBuildLog);
	project.provide('offlineDist', offline.dist);
}
