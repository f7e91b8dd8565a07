import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSiteFiles } from '#tools/site-files.ts';
import { runTerminalSearch } from '#tools/search/terminal-search.ts';
import { buildSite, fixtureContent, outputRoot, type BuildResult } from '../helpers/build-site';

/**
 * `npm run build` twice over one tree, as a contributor does: after each edit, exactly the pages
 * that show what changed must change, Pagefind must know the new text, and at the end the output
 * must equal a clean build of the same content, file for file.
 */
const content = path.join(outputRoot, 'incremental-content');

interface Snapshot {
	/** Content digest of every built file but the search bundle, by path in the site. */
	digests: Map<string, string>;
	mtimes: Map<string, number>;
	html: Map<string, string>;
}

async function snapshot(dist: string): Promise<Snapshot> {
	const digests = new Map<string, string>();
	const mtimes = new Map<string, number>();
	const html = new Map<string, string>();
	for (const relative of await listSiteFiles(dist)) {
		const file = path.join(dist, relative);
		if (relative.startsWith('pagefind/')) continue;
		const bytes = await readFile(file);
		digests.set(relative, createHash('sha256').update(bytes).digest('hex'));
		mtimes.set(relative, (await stat(file)).mtimeMs);
		if (relative.endsWith('.html')) html.set(relative, bytes.toString('utf8'));
	}
	return { digests, mtimes, html };
}

/** Pages (HTML) whose content differs between two builds, or that only one has. */
function changedPages(before: Snapshot, after: Snapshot): string[] {
	const pages = new Set([...before.html.keys(), ...after.html.keys()]);
	return [...pages].filter((page) => before.digests.get(page) !== after.digests.get(page)).sort();
}

/** The pages (HTML) of a build that show `pattern`. */
const pagesShowing = (build: Snapshot, pattern: RegExp) =>
	[...build.html]
		.filter(([, text]) => pattern.test(text))
		.map(([page]) => page)
		.sort();

async function build(): Promise<BuildResult & { site: Snapshot }> {
	// With a line per page, to see which pages were copied from the last build.
	const result = await buildSite(
		'incremental',
		content,
		{ EDELWEISS_LOG_PAGES: '1' },
		{ incremental: true },
	);
	if (result.exitCode !== 0) throw new Error(`The incremental build failed:\n${result.output}`);
	return { ...result, site: await snapshot(result.dist) };
}

async function edit(file: string, change: (text: string) => string) {
	const full = path.join(content, file);
	const before = await readFile(full, 'utf8');
	const after = change(before);
	expect(after, `the edit of ${file} changes it`).not.toBe(before);
	await writeFile(full, after);
}

const signingTopic = `---
name: Package signing
summary: Signing packages so that users can trust what they install.
match:
  terms: [signed]
---

How the hub's talks sign packages.
`;

/** An earlier edition beside the fixture's DemoConf 2024, so the search has two editions' indexes. */
const earlierEdition = `---
title: DemoConf 2023
series: DemoConf
start: 2023-03-11
end: 2023-03-12
timezone: Europe/Brussels
format: in-person
city: Brussels
tags: [conference]
---

The year before.
`;
const earlierTalk = `---
title: Welcome to DemoConf
event: democonf-2023
speakers: [ada-lovelace]
kind: talk
day: 2023-03-11
tags: [conference]
---

Opening words about the conference.
`;

/** Every file of a Pagefind index folder (its subfolders but `editions/`), with its bytes' digest and modification time. */
async function indexFiles(folder: string) {
	const files = (await listSiteFiles(folder)).filter(
		(file) => !file.startsWith('editions/') && file !== 'editions.json',
	);
	return Object.fromEntries(
		await Promise.all(
			files.map(async (file) => {
				const full = path.join(folder, file);
				const digest = createHash('sha256')
					.update(await readFile(full))
					.digest('hex');
				return [file, `${digest} ${(await stat(full)).mtimeMs}`] as const;
			}),
		),
	);
}

/** Every step is a whole build: a minute or two when the machine is busy. */
const buildTimeout = 300_000;

describe('incremental builds', () => {
	let last: Snapshot;
	/** The clean build of the last edit's content, started beside the incremental one (each has its own Astro root). */
	let clean: Promise<BuildResult> | undefined;
	beforeAll(async () => {
		await rm(content, { recursive: true, force: true });
		await cp(fixtureContent('basic'), content, { recursive: true });
		// Shiki coloured this block's light theme differently in one clean build of about eight here
		// (docs/toolchain.md): a flake of its own, which would make the last comparison flaky too.
		await edit('recaps/democonf-2024-recap.mdx', (text) =>
			text.replace(/```sh\n[\s\S]*?```\n/, ''),
		);
		// A topic that matches the apk talk by its summary ("built and signed").
		await mkdir(path.join(content, 'topics'), { recursive: true });
		await writeFile(path.join(content, 'topics/package-signing.md'), signingTopic);
		await writeFile(path.join(content, 'events/democonf-2023.md'), earlierEdition);
		await writeFile(path.join(content, 'talks/welcome-to-democonf.md'), earlierTalk);
		await rm(path.join(outputRoot, 'incremental'), { recursive: true, force: true });
		last = (await build()).site;
	});

	it(
		'build nothing when nothing changed, and touch no file',
		async () => {
			const { output, site } = await build();
			expect(output).toMatch(/nothing changed since the last build/);
			expect(output).not.toMatch(/generating static routes/);
			expect(site.mtimes).toEqual(last.mtimes);
		},
		buildTimeout,
	);

	it(
		're-render only the edited talk, and index its new words in its edition’s index alone',
		async () => {
			const pagefind = path.join(outputRoot, 'incremental', 'dist', 'pagefind');
			const [earlier, hub] = [
				await indexFiles(path.join(pagefind, 'editions/democonf-2023')),
				await indexFiles(pagefind),
			];
			expect(Object.keys(earlier)).toContain('pagefind-entry.json');
			await appendFile(
				path.join(content, 'talks/packaging-with-apk.md'),
				'\nThe speakers also showed zirconquartz, a word no other page has.\n',
			);
			const { output, site, dist } = await build();
			expect(changedPages(last, site)).toEqual(['talks/packaging-with-apk/index.html']);
			// Other entry pages are copied, not rendered.
			expect(output).toMatch(/\/talks\/closing-roundtable\/index\.html \(cached\)/);
			expect(output).toMatch(/\/people\/ada-lovelace\/index\.html \(cached\)/);
			expect(output).toMatch(/\/talks\/packaging-with-apk\/index\.html \(\+[\d.]+m?s\)/);
			const { hits } = await runTerminalSearch({
				term: 'zirconquartz',
				filters: {},
				newestFirst: false,
				limit: 10,
				json: false,
				dist,
			});
			expect(hits.map((hit) => hit.url)).toEqual(['/talks/packaging-with-apk/']);
			expect(output).toMatch(
				/Pagefind indexed \d+ pages in .*: 1 of 3 indexes written \(democonf-2024\)/,
			);
			// The other edition's and the hub's index files: not rewritten, not even touched.
			expect(await indexFiles(path.join(pagefind, 'editions/democonf-2023'))).toEqual(earlier);
			expect(await indexFiles(pagefind)).toEqual(hub);
			last = site;
		},
		buildTimeout,
	);

	it(
		're-render every page that names a person when the name changes, and no other',
		async () => {
			const showing = pagesShowing(last, /Grace Hopper/);
			await edit('people/grace-hopper.md', (text) =>
				text.replace('name: Grace Hopper', 'name: Grace Brewster Hopper'),
			);
			const { site } = await build();
			expect(changedPages(last, site)).toEqual(showing);
			expect(showing).toEqual(
				expect.arrayContaining([
					'people/grace-hopper/index.html',
					'talks/closing-roundtable/index.html',
					'people/ada-lovelace/index.html',
				]),
			);
			last = site;
		},
		buildTimeout,
	);

	it(
		're-render every page that shows an event when its title changes, and no other',
		async () => {
			// The event's title, not the recap's ("DemoConf 2024 recap"), which stays.
			const showing = pagesShowing(last, /DemoConf 2024(?! recap)/);
			await edit('events/democonf-2024.md', (text) =>
				text.replace('title: DemoConf 2024', 'title: DemoConf Brussels'),
			);
			const { site } = await build();
			expect(changedPages(last, site)).toEqual(showing);
			expect(showing).toEqual(
				expect.arrayContaining([
					'events/democonf-2024/index.html',
					'talks/packaging-with-apk/index.html',
					'sponsors/acme-hosting/index.html',
				]),
			);
			expect(showing).not.toContain('tags/packaging/index.html');
			last = site;
		},
		buildTimeout,
	);

	it(
		're-render only a topic’s own page when its description changes',
		async () => {
			expect(pagesShowing(last, /href="\/topics\/package-signing\/"/)).toEqual(
				expect.arrayContaining(['talks/packaging-with-apk/index.html', 'topics/index.html']),
			);
			await edit('topics/package-signing.md', (text) =>
				text.replace("How the hub's talks sign packages.", 'Keys, signatures and trust.'),
			);
			const { site } = await build();
			expect(changedPages(last, site)).toEqual(['topics/package-signing/index.html']);
			last = site;
		},
		buildTimeout,
	);

	it(
		're-render a topic’s pages and only the talks whose topics changed when its rules change',
		async () => {
			await edit('topics/package-signing.md', (text) =>
				text.replace('terms: [signed]', 'terms: [signed, roundtable]'),
			);
			const { site, output } = await build();
			// The roundtable now matches; the apk talk still does, so its page is copied.
			expect(changedPages(last, site)).toEqual([
				'talks/closing-roundtable/index.html',
				'topics/index.html',
				'topics/package-signing/index.html',
			]);
			expect(output).toMatch(/\/talks\/packaging-with-apk\/index\.html \(cached\)/);
			last = site;
		},
		buildTimeout,
	);

	it(
		'remove the pages of what no longer exists',
		async () => {
			expect(last.digests.has('tags/community/index.html')).toBe(true);
			await edit('talks/closing-roundtable.md', (text) =>
				text.replace('tags: [community]', 'tags: []'),
			);
			// The content is final: the clean build for the last test runs beside this one.
			clean = buildSite('incremental-clean', content);
			const { site } = await build();
			expect(site.digests.has('tags/community/index.html')).toBe(false);
			expect(changedPages(last, site)).toEqual(
				expect.arrayContaining([
					'tags/community/index.html',
					'tags/index.html',
					'talks/closing-roundtable/index.html',
				]),
			);
			last = site;
		},
		buildTimeout,
	);

	it(
		'end with the same files as a clean build of the same content',
		async () => {
			const result = await (clean ?? buildSite('incremental-clean', content));
			expect(result.exitCode, result.output).toBe(0);
			const fresh = await snapshot(result.dist);
			expect([...last.digests.keys()].sort()).toEqual([...fresh.digests.keys()].sort());
			const differing = [...fresh.digests]
				.filter(([file, digest]) => last.digests.get(file) !== digest)
				.map(([file]) => file);
			expect(differing).toEqual([]);
		},
		buildTimeout,
	);
});
