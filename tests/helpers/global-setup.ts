import { cp, rm, writeFile } from 'node:fs/promises';
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
		/** The offline fixture's next deploy, with one more note: the service worker update test. */
		offlineNextDist: string;
	}
}

const nextDeployNote = `---
title: Next deploy
summary: Written after the first deploy.
author: edith-clarke
published: 2025-07-01
---

Only the next deploy knows the word moraineberry.
`;

/** Builds the shared sites once per run; tests that need other builds make their own. */
export default async function setup(project: TestProject) {
	const [basic, site] = await Promise.all([buildSite('basic', fixtureContent('basic')), buildSite('site', 'content')]);
	// One at a time after those two: builds in parallel race on the project's .astro/ folder.
	const offline = await buildSite('offline', fixtureContent('offline'));
	const nextContent = path.join(outputRoot, 'offline-next-content');
	await rm(nextContent, { recursive: true, force: true });
	await cp(fixtureContent('offline'), nextContent, { recursive: true });
	await writeFile(path.join(nextContent, 'notes/next-deploy.md'), nextDeployNote);
	const offlineNext = await buildSite('offline-next', nextContent);
	for (const [name, result] of [['basic fixture', basic], ['real content', site], ['offline fixture', offline], ['next offline fixture', offlineNext]] as const) {
		if (result.exitCode !== 0) throw new Error(`The ${name} site failed to build:\n${result.output}`);
	}
	const siteBuildLog = path.join(outputRoot, 'site', 'build.log');
	await writeFile(siteBuildLog, site.output);
	project.provide('basicDist', basic.dist);
	project.provide('siteDist', site.dist);
	project.provide('siteBuildLog', siteBuildLog);
	project.provide('offlineDist', offline.dist);
	project.provide('offlineNextDist', offlineNext.dist);
}
