import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/build-site';

/** Files under a folder of the project, relative to it, with forward slashes. */
const filesIn = async (folder: string) => (await readdir(path.join(projectRoot, folder), { recursive: true })).map((file) => file.split(path.sep).join('/'));
const modulesIn = async (folder: string) => (await filesIn(folder)).filter((file) => /\.(ts|mjs)$/.test(file) && !file.endsWith('.d.ts'));
const testOf = (module: string) => module.replace(/\.(ts|mjs)$/, '.test.ts');
/** `schedule/import-schedule.hostile.test.ts` tests one aspect of `schedule/import-schedule`: its main test file's name. */
const mainTestOf = (test: string) => test.replace(/\.[a-z-]+\.test\.ts$/, '.test.ts');

/**
 * src/lib modules that load Astro's virtual modules (`astro:content`) at run time, directly or
 * through another such module: they run only inside Astro, where the build tier tests them.
 */
async function astroOnlyModules(modules: readonly string[]): Promise<Set<string>> {
	const imports = new Map<string, string[]>();
	for (const module of modules) {
		const text = await readFile(path.join(projectRoot, 'src/lib', module), 'utf8');
		const specifiers = [...text.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map((match) => match[1]!);
		imports.set(
			module,
			specifiers.map((specifier) => (specifier.startsWith('.') ? path.posix.join(path.posix.dirname(module), specifier) : specifier)),
		);
	}
	const astroOnly = new Set<string>();
	for (let grew = true; grew;) {
		grew = false;
		for (const [module, specifiers] of imports) {
			if (astroOnly.has(module)) continue;
			if (specifiers.some((specifier) => specifier.startsWith('astro:') || astroOnly.has(`${specifier}.ts`))) {
				astroOnly.add(module);
				grew = true;
			}
		}
	}
	return astroOnly;
}

/**
 * tests/unit/ mirrors src/lib/: each module's unit tests are in tests/unit/<its path>.test.ts
 * (except modules that only run inside Astro), and a large aspect of one may have a file of its
 * own beside it (`<module>.<aspect>.test.ts`).
 * Besides, tests/unit/schemas/ mirrors src/schemas/, tests/unit/helpers/ mirrors tests/helpers/,
 * and tests/unit/project/ tests the repository's own files.
 */
describe('the unit tests', async () => {
	const unitTests = (await filesIn('tests/unit')).filter((file) => file.endsWith('.test.ts'));
	const libModules = await modulesIn('src/lib');
	const libTests = libModules.map(testOf);
	const astroOnly = await astroOnlyModules(libModules);

	it('give every src/lib module a test file named after it', () => {
		const missing = libModules
			.filter((module) => !astroOnly.has(module))
			.map(testOf)
			.filter((test) => !unitTests.includes(test));
		expect(missing, 'src/lib modules without tests/unit/<module>.test.ts').toEqual([]);
	});

	it('are each named after a module that exists, or test the project itself', async () => {
		const mirrored = new Set([
			...libTests,
			...(await modulesIn('src/schemas')).map((module) => `schemas/${testOf(module)}`),
			...(await modulesIn('tests/helpers')).map((module) => `helpers/${testOf(module)}`),
		]);
		const orphans = unitTests.filter((test) => !mirrored.has(mainTestOf(test)) && !test.startsWith('project/'));
		expect(orphans, 'unit tests named after no module (renamed or merged away?)').toEqual([]);
	});
});
