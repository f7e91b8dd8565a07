import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { listHtmlFiles } from '#tools/site-files.ts';
import { urlPathOf } from '#lib/view/urls.ts';
import { outputRoot } from '../helpers/build-site';
import { loadPage } from '../helpers/html';
import { builtSite, type SiteName } from '../helpers/sites';

interface JsonLdBlock {
	page: string;
	data: { '@type': string; [key: string]: unknown };
}

async function jsonLdOf(dist: string): Promise<JsonLdBlock[]> {
	const blocks: JsonLdBlock[] = [];
	for (const file of await listHtmlFiles(dist)) {
		const $ = load(await readFile(path.join(dist, file), 'utf8'));
		$('script[type="application/ld+json"]').each((_, script) => {
			blocks.push({ page: urlPathOf(file), data: JSON.parse($(script).text()) });
		});
	}
	return blocks;
}

/**
 * The compiler's host, with the declaration files it reads (schema-dts's vocabulary, the standard
 * library) parsed once for the file's three programs, as an editor's language service keeps them.
 */
const host = ts.createCompilerHost({});
const declarations = new Map<string, ts.SourceFile | undefined>();
const declaration = (name: string, version: ts.ScriptTarget | ts.CreateSourceFileOptions) => {
	if (!declarations.has(name)) declarations.set(name, host.getSourceFile(name, version));
	return declarations.get(name);
};

/**
 * Type-checks each block against schema-dts, the schema.org vocabulary as TypeScript types: an
 * undefined property, a value of the wrong type or a misspelt `@type` is a diagnostic naming the page.
 */
function schemaOrgProblems(blocks: readonly JsonLdBlock[], name: string): string[] {
	// In memory only: the compiler host answers this one path itself.
	const file = path.join(outputRoot, 'json-ld', `${name}.ts`);
	const source = [
		"import type { WithContext, Thing } from 'schema-dts';",
		'type Typed<T extends string> = Extract<Thing, { "@type": T }>;',
		...blocks.map(
			(block, index) =>
				`// ${block.page}\nexport const block${index}: WithContext<Typed<${JSON.stringify(block.data['@type'])}>> = ${JSON.stringify(block.data, null, 1)};`,
		),
	].join('\n');
	const program = ts.createProgram({
		rootNames: [file],
		options: {
			strict: true,
			noEmit: true,
			skipLibCheck: true,
			module: ts.ModuleKind.ESNext,
			moduleResolution: ts.ModuleResolutionKind.Bundler,
			types: [],
			typeRoots: [],
		},
		host: {
			...host,
			getSourceFile: (name, version) =>
				name === file ? ts.createSourceFile(name, source, version) : declaration(name, version),
			fileExists: (name) => name === file || host.fileExists(name),
		},
	});
	return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
		const line =
			diagnostic.file && diagnostic.start !== undefined
				? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line
				: 0;
		const page = source
			.split('\n')
			.slice(0, line + 1)
			.reverse()
			.find((text) => text.startsWith('// '))
			?.slice(3);
		return `${page}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
	});
}

describe('schema.org structured data', () => {
	const sites: Partial<Record<SiteName, { dist: string; blocks: JsonLdBlock[] }>> = {};
	beforeAll(async () => {
		for (const name of ['programme', 'site'] as const) {
			const { dist } = await builtSite(name);
			sites[name] = { dist, blocks: await jsonLdOf(dist) };
		}
	});

	it('catches a block that does not follow schema.org (the check can fail)', () => {
		const problems = schemaOrgProblems(
			[
				{
					page: '/misspelt/',
					data: { '@context': 'https://schema.org', '@type': 'Event', nmae: 'Typo' },
				},
				{
					page: '/mistyped/',
					data: { '@context': 'https://schema.org', '@type': 'Event', startDate: 7 },
				},
				{
					page: '/unknown-type/',
					data: { '@context': 'https://schema.org', '@type': 'Evnt', name: 'x' },
				},
			],
			'broken',
		);
		expect(problems.find((problem) => problem.startsWith('/misspelt/:'))).toMatch(/nmae/);
		expect(problems.find((problem) => problem.startsWith('/mistyped/:'))).toMatch(/startDate/);
		expect(problems.find((problem) => problem.startsWith('/unknown-type/:'))).toBeDefined();
	});

	it.each(['programme', 'site'] as const)(
		'is valid schema.org on every page of the %s site',
		(name) => {
			const { blocks } = sites[name]!;
			expect(blocks.length).toBeGreaterThan(10);
			expect(schemaOrgProblems(blocks, name)).toEqual([]);
		},
	);

	it('describes an event with its talks as sub-events, times zoned, recordings as videos', () => {
		const { blocks } = sites.programme!;
		const event = blocks.find((block) => block.page === '/events/gridconf-2025/')!.data as Record<
			string,
			any
		>;
		expect(event).toMatchObject({
			'@type': 'Event',
			name: 'GridConf 2025',
			startDate: '2025-06-14',
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		});
		expect(event.subEvent).toHaveLength(8);
		const keynote = event.subEvent.find((talk: any) => talk.name === 'Opening keynote');
		expect(keynote).toMatchObject({
			startDate: '2025-06-14T09:00:00+02:00',
			endDate: '2025-06-14T10:00:00+02:00',
			location: { '@type': 'Place', name: 'Janson' },
			performer: [{ '@type': 'Person', name: 'Grace Hopper' }],
			recordedIn: {
				'@type': 'VideoObject',
				contentUrl: 'https://video.example.org/opening.webm',
				license: 'CC-BY-4.0',
			},
		});
	});

	it('describes people, and recaps and notes as articles', () => {
		const { blocks } = sites.programme!;
		const byPage = (page: string) => blocks.find((block) => block.page === page)?.data;
		expect(byPage('/people/ada-lovelace/')).toMatchObject({
			'@type': 'Person',
			name: 'Ada Lovelace',
			alternateName: ['@adal'],
		});
		expect(byPage('/recaps/untimed-meetup-2025-recap/')).toMatchObject({
			'@type': 'Article',
			headline: 'Untimed Meetup 2025 recap',
			author: { '@type': 'Person', name: 'Ada Lovelace' },
			about: { '@type': 'Event', name: 'Untimed Meetup 2025' },
		});
		expect(byPage('/notes/long-lines/')).toMatchObject({
			'@type': 'Article',
			headline: 'Long lines',
		});
		expect(byPage('/talks/yak-shaving/')).toMatchObject({
			'@type': 'Event',
			superEvent: { name: 'Untimed Meetup 2025' },
			startDate: '2025-09-06',
		});
	});

	it('keeps the Open Graph tags beside it', async () => {
		const $ = await loadPage(sites.site!.dist, '/talks/podman-the-powerful-container-multi-tool/');
		expect($('meta[property="og:title"]').attr('content')).toBe(
			'Podman - The Powerful Container Multi-Tool',
		);
		expect($('meta[property="og:type"]').attr('content')).toBe('article');
		expect($('script[type="application/ld+json"]')).toHaveLength(1);
	});
});
