import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/build-site';

/** Files under a folder of the project, relative to it, with forward slashes. */
const filesIn = async (folder: string) =>
	(await readdir(path.join(projectRoot, folder), { recursive: true })).map((file) =>
		file.split(path.sep).join('/'),
	);
const modulesIn = async (folder: string) =>
	(await filesIn(folder)).filter((file) => /\.(ts|mjs)$/.test(file) && !file.endsWith('.d.ts'));
const testOf = (module: string) => module.replace(/\.(ts|mjs)$/, '.test.ts');
/** `schedule/import-schedule.hostile.test.ts` tests one aspect of `schedule/import-schedule`: its main test file's name. */
const mainTestOf = (test: string) => test.replace(/\.[a-z-]+\.test\.ts$/, '.test.ts');

/**
 * src/lib modules that load Astro's virtual modules (`astro:content`) at run time, directly or
 * through another such module: they run only inside Astro, where the build tier tests them.
 */
async function astroOnlyModules(modules: readonly string[]): Promise<Set<string>> {
	const imports = new Map<string, string[]>();
	// `#lib/hub/hub.ts` and `./hub.ts` both name `hub/hub` inside src/lib.
	const inLib = (specifier: string, module: string) =>
		(specifier.startsWith('#lib/')
			? specifier.slice('#lib/'.length)
			: specifier.startsWith('.')
				? path.posix.join(path.posix.dirname(module), specifier)
				: specifier
		).replace(/\.ts$/, '');
	for (const module of modules) {
		const text = await readFile(path.join(projectRoot, 'src/lib', module), 'utf8');
		const specifiers = [...text.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map(
			(match) => match[1]!,
		);
		imports.set(
			module,
			specifiers.map((specifier) => inLib(specifier, module)),
		);
	}
	const astroOnly = new Set<string>();
	for (let grew = true; grew;) {
		grew = false;
		for (const [module, specifiers] of imports) {
			if (astroOnly.has(module)) continue;
			if (
				specifiers.some(
					(specifier) => specifier.startsWith('astro:') || astroOnly.has(`${specifier}.ts`),
				)
			) {
				astroOnly.add(module);
				grew = true;
			}
		}
	}
	return astroOnly;
}

/**
 * tests/unit/ and tests/integration/ together mirror src/lib/ and tools/: each module's tests
 * are in <tier>/<its path under src/lib>.test.ts or <tier>/tools/<its path>.test.ts in one of
 * them (except src/lib modules that only run inside Astro): in integration/ when they start a
 * process or Chromium, in unit/ otherwise. A large aspect of a module may have a file of its own
 * beside it (`<module>.<aspect>.test.ts`), in either tier. Besides, schemas/ mirrors
 * src/schemas/, client/ src/client/, helpers/ tests/helpers/, and project/ tests the
 * repository's own files, in both tiers.
 */
const mirrorTiers = ['tests/unit', 'tests/integration'];

describe('the unit and integration tests', async () => {
	const tierTests = await Promise.all(
		mirrorTiers.map(async (tier) => ({
			tier,
			tests: (await filesIn(tier)).filter((file) => file.endsWith('.test.ts')),
		})),
	);
	const tested = new Set(tierTests.flatMap(({ tests }) => tests.map(mainTestOf)));
	const libModules = await modulesIn('src/lib');
	const toolModules = (await modulesIn('tools')).map((module) => `tools/${module}`);
	const libTests = [...libModules, ...toolModules].map(testOf);
	const astroOnly = await astroOnlyModules(libModules);

	it('give every src/lib and tools module a test file named after it', () => {
		const missing = [...libModules.filter((module) => !astroOnly.has(module)), ...toolModules]
			.map(testOf)
			.filter((test) => !tested.has(test));
		expect(
			missing,
			'modules without tests/unit/<module>.test.ts or tests/integration/<module>.test.ts',
		).toEqual([]);
	});

	it('are each named after a module that exists, or test the project itself', async () => {
		const mirrored = new Set([
			...libTests,
			...(await modulesIn('src/schemas')).map((module) => `schemas/${testOf(module)}`),
			...(await modulesIn('src/client')).map((module) => `client/${testOf(module)}`),
			...(await modulesIn('tests/helpers')).map((module) => `helpers/${testOf(module)}`),
		]);
		const orphans = tierTests.flatMap(({ tier, tests }) =>
			tests
				.filter((test) => !mirrored.has(mainTestOf(test)) && !test.startsWith('project/'))
				.map((test) => `${tier}/${test}`),
		);
		expect(orphans, 'tests named after no module (renamed or merged away?)').toEqual([]);
	});
});
