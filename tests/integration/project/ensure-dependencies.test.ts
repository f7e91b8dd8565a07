import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/build-site';

const ensureDependencies = path.join(projectRoot, 'scripts/ensure-dependencies.mjs');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** What npm 11 prints on stderr when the system Node is older than the packages' engines. */
const npmWarnings = [
	'npm warn EBADENGINE Unsupported engine {',
	"npm warn EBADENGINE   package: 'astro@7.3.5',",
	"npm warn EBADENGINE   required: { node: '>=22.12.0', npm: '>=9.6.5', pnpm: '>=7.1.0' },",
	"npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
	'npm warn EBADENGINE }',
	'npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported',
];

/**
 * A clone without node_modules, and an `npm` first on PATH that records its arguments and answers
 * as npm 11 does on an old system Node. A real install takes minutes and the registry; what is
 * tested here is the script's part: run `npm ci`, and report it plainly.
 */
async function freshClone(exitCode = 0) {
	const root = await mkdtemp(path.join(tmpdir(), 'edelweiss-install-'));
	folders.push(root);
	await writeFile(path.join(root, 'package-lock.json'), '{}\n');
	await mkdir(path.join(root, 'bin'));
	const npm = path.join(root, 'bin/npm');
	const lines = [
		'#!/bin/sh',
		`echo "$@" > '${root}/npm-arguments'`,
		...npmWarnings.map((line) => `echo "${line}" >&2`),
		'echo "added 901 packages in 2m"',
		"mkdir -p node_modules && echo '{}' > node_modules/.package-lock.json",
		`exit ${exitCode}`,
	];
	await writeFile(npm, `${lines.join('\n')}\n`);
	await chmod(npm, 0o755);
	const run = () =>
		spawnSync(process.execPath, [ensureDependencies], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, PATH: `${path.dirname(npm)}:${process.env.PATH}` },
		});
	return { root, run };
}

describe('scripts/ensure-dependencies.mjs', () => {
	it('installs exactly the lockfile with npm ci, leaving out the engine warnings about the system Node', async () => {
		const { root, run } = await freshClone();
		const result = run();
		expect(result.status).toBe(0);
		expect((await readFile(path.join(root, 'npm-arguments'), 'utf8')).trim()).toBe(
			'ci --no-audit --no-fund',
		);
		expect(result.stdout).toContain('added 901 packages');
		expect(result.stdout).toContain(
			`Node ${process.version} ran the install; the project's scripts run on the Node 24 it installed.`,
		);
		expect(result.stderr).not.toContain('EBADENGINE');
		// Any other warning still shows.
		expect(result.stderr).toContain('npm warn deprecated glob@7.2.3');
	});

	it('does nothing while node_modules is newer than the lockfile', async () => {
		const { root, run } = await freshClone();
		run();
		const past = new Date(Date.now() - 60_000);
		await utimes(path.join(root, 'package-lock.json'), past, past);
		await rm(path.join(root, 'npm-arguments'));
		const again = run();
		expect(again.status).toBe(0);
		expect(again.stdout).toBe('');
		await expect(readFile(path.join(root, 'npm-arguments'), 'utf8')).rejects.toThrow();
	});

	it("fails with npm's exit code when the install fails", async () => {
		const { run } = await freshClone(1);
		const result = run();
		expect(result.status).toBe(1);
		expect(result.stdout).not.toContain('ran the install');
	});
});
