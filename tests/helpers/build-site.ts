import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnAstroBuild, type AstroBuildResult } from '../../src/lib/astro-build';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const outputRoot = path.join(projectRoot, 'tests/.output');

export interface BuildResult extends AstroBuildResult {
	dist: string;
}

/**
 * Runs the real `astro build` over a content tree in a child process, as a contributor would,
 * writing to `tests/.output/<name>/` with its own content cache so fixtures never share state.
 */
export async function buildSite(name: string, contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	const outDir = path.join(outputRoot, name);
	await rm(outDir, { recursive: true, force: true });
	await mkdir(outDir, { recursive: true });
	const dist = path.join(outDir, 'dist');
	const { done } = spawnAstroBuild({ root: projectRoot, contentDir, outDir: dist, cacheDir: path.join(outDir, 'cache'), env });
	return { ...(await done), dist };
}

/** The fixture content trees, by name. */
export const fixtureContent = (name: string) => path.join('tests/fixtures', name, 'content');
