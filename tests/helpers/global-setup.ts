import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, fixtureContent, outputRoot } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The small fixture site in tests/fixtures/basic. */
		basicDist: string;
		/** The search fixture, whose Pagefind index the golden queries run against. */
		searchDist: string;
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

/**
 * Builds the shared sites once per run; tests that need other builds make their own. One after
 * the other: every build rewrites the project's `.astro/content-modules.mjs` for its content tree.
 */
export default async function setup(project: TestProject) {
	const nextContent = path.join(outputRoot, 'offline-next-content');
	await rm(nextContent, { recursive: true, force: true });
	await cp(fixtureContent('offline'), nextContent, { recursive: true });
	await writeFile(path.join(nextContent, 'notes/next-deploy.md'), nextDeployNote);
	const sites = {
		basic: fixtureContent('basic'),
		search: fixtureContent('search'),
		site: 'content',
		offline: fixtureContent('offline'),
		'offline-next': nextContent,
	};
	const dists: Record<string, string> = {};
	for (const [name, content] of Object.entries(sites)) {
		const result = await buildSite(name, content);
		if (result.exitCode !== 0) throw new Error(`The ${name} site (${content}) failed to build:\n${result.output}`);
		dists[name] = result.dist;
		if (name === 'site') {
			const siteBuildLog = path.join(outputRoot, 'site', 'build.log');
			await writeFile(siteBuildLog, result.output);
			project.provide('siteBuildLog', siteBuildLog);
		}
	}
	project.provide('basicDist', dists.basic!);
	project.provide('searchDist', dists.search!);
	project.provide('siteDist', dists.site!);
	project.provide('offlineDist', dists.offline!);
	project.provide('offlineNextDist', dists['offline-next']!);
}
