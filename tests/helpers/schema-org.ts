import path from 'node:path';
import ts from 'typescript';
import { outputRoot } from './build-site';

/** A JSON-LD block of a built page. */
export interface JsonLdBlock {
	page: string;
	data: { '@type': string; [key: string]: unknown };
}

/**
 * The compiler's host, with the declaration files it reads (schema-dts's vocabulary, the standard
 * library) parsed once for the programs of a `schemaOrgProblems` call, as an editor's language
 * service keeps them.
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
function problemsOf(blocks: readonly JsonLdBlock[], name: string): string[] {
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

/**
 * The schema.org problems of each named list of blocks (see `problemsOf`), by name: one call,
 * so the declarations are parsed once for them all. The build tier runs it in a child process
 * (tests/helpers/in-child-process.ts): the type checker is heavy work, three times as slow
 * under the coverage of the test workers.
 */
export function schemaOrgProblems(
	named: Readonly<Record<string, readonly JsonLdBlock[]>>,
): Record<string, string[]> {
	return Object.fromEntries(
		Object.entries(named).map(([name, blocks]) => [name, problemsOf(blocks, name)]),
	);
}
