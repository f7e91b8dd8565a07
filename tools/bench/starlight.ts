import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileConcurrency, mapConcurrently } from '#lib/concurrency.ts';
import { markdownBody, readEntryData } from '#lib/validation/frontmatter.ts';
import { runCommand } from '#tools/run-command.ts';

/**
 * What the hub is measured against (issue 23): Astro Starlight building the same talk files, a
 * docs page each, with its own Pagefind index. Its peer range takes the hub's Astro.
 */
export const starlightVersion = '0.42.9';

/**
 * A talk file as a Starlight docs page: the talk's title and summary as Starlight's `title`
 * and `description`, the Markdown body as it is.
 */
export function starlightPage(talkText: string, file: string): string {
	const { data } = readEntryData(talkText);
	if (typeof data.title !== 'string')
		throw new Error(`${file}: expected a talk with a title, as the corpus writes it`);
	return [
		'---',
		`title: ${JSON.stringify(data.title)}`,
		...(typeof data.summary === 'string' ? [`description: ${JSON.stringify(data.summary)}`] : []),
		'---',
		markdownBody(talkText).replace(/^\n+/, ''),
	].join('\n');
}

/** The files of the Starlight site besides its pages. */
const siteFiles = (astroVersion: string): Record<string, string> => ({
	'package.json': `${JSON.stringify(
		{
			name: 'edelweiss-bench-starlight',
			private: true,
			type: 'module',
			dependencies: { astro: astroVersion, '@astrojs/starlight': starlightVersion },
		},
		null,
		'\t',
	)}\n`,
	// One sidebar link: Starlight's default lists every page on every page, which no site of
	// thousands of pages keeps.
	'astro.config.mjs': `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
	integrations: [starlight({ title: 'Talks', sidebar: [{ label: 'Talks', link: '/' }] })],
});
`,
	'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	'src/content/docs/index.md': '---\ntitle: Talks\n---\n\nEvery talk of the corpus, a page each.\n',
});

/**
 * Writes a Starlight site in `site` whose pages are the talks of `contentDir`
 * (`<site>/src/content/docs/talks/<talk id>.md`), replacing the pages of an earlier corpus and
 * keeping its `node_modules`. Returns how many talks it holds.
 */
export async function writeStarlightSite(
	site: string,
	contentDir: string,
	astroVersion: string,
): Promise<number> {
	const docs = path.join(site, 'src/content/docs');
	await rm(path.join(site, 'src'), { recursive: true, force: true });
	for (const [file, text] of Object.entries(siteFiles(astroVersion))) {
		await mkdir(path.dirname(path.join(site, file)), { recursive: true });
		await writeFile(path.join(site, file), text);
	}
	const talksDir = path.join(contentDir, 'talks');
	const talks = (await readdir(talksDir, { recursive: true })).filter((name) =>
		name.endsWith('.md'),
	);
	await mapConcurrently(talks, fileConcurrency, async (name) => {
		const target = path.join(docs, 'talks', name);
		await mkdir(path.dirname(target), { recursive: true });
		const file = path.join(talksDir, name);
		await writeFile(target, starlightPage(await readFile(file, 'utf8'), file));
	});
	return talks.length;
}

/**
 * Installs Starlight and Astro in `site` from the npm registry, unless that version is there
 * already. Throws with npm's last lines when it cannot (no registry, no network).
 */
export async function installStarlight(site: string): Promise<void> {
	const installed = path.join(site, 'node_modules/@astrojs/starlight/package.json');
	if (
		existsSync(installed) &&
		(JSON.parse(await readFile(installed, 'utf8')) as { version: string }).version ===
			starlightVersion
	)
		return;
	const { exitCode, output } = await runCommand(
		'npm',
		['install', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: site },
	);
	if (exitCode !== 0)
		throw new Error(
			`npm could not install Starlight ${starlightVersion} in ${site} (exit ${exitCode}):\n${output.trimEnd().split('\n').slice(-10).join('\n')}`,
		);
}

/** The command that builds the Starlight site: its own Astro, on the Node running the benchmark. */
export const starlightBuildCommand = (site: string) => ({
	command: process.execPath,
	args: [path.join(site, 'node_modules/astro/bin/astro.mjs'), 'build'],
});
