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
	}
}

/** Builds the shared sites once per run; tests that need other builds make their own. */
export default async function setup(project: TestProject) {
	// One after the other: every build rewrites <root>/.astro/content-modules.mjs (the MDX entry
	// map), so two builds at once can render a recap against the other tree's map and fail.
	const basic = await buildSite('basic', fixtureContent('basic'));
	const site = await buildSite('site', 'content');
	for (const [name, result] of [['basic fixture', basic], ['real content', site]] as const) {
		if (result.exitCode !== 0) throw new Error(`The ${name} site failed to build:\n${result.output}`);
	}
	const siteBuildLog = path.join(outputRoot, 'site', 'build.log');
	await writeFile(siteBuildLog, site.output);
	project.provide('basicDist', basic.dist);
	project.provide('siteDist', site.dist);
	project.provide('siteBuildLog', siteBuildLog);
}
