import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	binIn,
	hasExited,
	projectBin,
	runCommand,
	runScript,
	startProcess,
} from '#tools/run-command.ts';
import { projectRoot } from '../../helpers/build-site';

describe('runCommand', () => {
	it('collects stdout and stderr without colours, with the exit code, stdin closed', async () => {
		const script =
			"process.stdout.write('\\x1b[32mout\\x1b[39m\\n'); process.stderr.write('err\\n'); process.stdin.resume(); process.stdin.on('end', () => process.exit(3));";
		const result = await runCommand(process.execPath, ['-e', script], { cwd: projectRoot });
		expect(result.exitCode).toBe(3);
		// Two pipes: either may arrive first.
		expect(result.output.split('\n').sort()).toEqual(['', 'err', 'out']);
	});

	it('passes the environment on, telemetry and colours off, and lets the caller watch the process', async () => {
		let pid: number | undefined;
		const result = await runCommand(
			process.execPath,
			[
				'-e',
				'console.log(process.env.EXTRA, process.env.NO_COLOR, process.env.ASTRO_TELEMETRY_DISABLED)',
			],
			{
				cwd: projectRoot,
				env: { EXTRA: 'given' },
				onSpawn: (child) => (pid = child.pid),
			},
		);
		expect(result.output).toBe('given 1 1\n');
		expect(pid).toBeGreaterThan(0);
	});

	it('reports a command that cannot start as exit code 127 with the reason', async () => {
		const result = await runCommand('/nonexistent/tool', [], { cwd: projectRoot });
		expect(result.exitCode).toBe(127);
		expect(result.output).toContain('ENOENT');
	});
});

describe('runScript and tsxCommand', () => {
	it('runs a TypeScript script with its arguments in one Node process, started by the caller', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'edelweiss-tsx-'));
		try {
			const script = path.join(folder, 'parent.ts');
			await writeFile(
				script,
				'const parent: number = process.ppid;\nconsole.log(parent, process.argv.slice(2).join(" "));\n',
			);
			const result = await runScript(script, ['one', 'two'], { cwd: projectRoot });
			expect(result.exitCode, result.output).toBe(0);
			// Its parent is this process, not a `tsx` command's second Node between them.
			expect(result.output).toBe(`${process.pid} one two\n`);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});
});

describe('projectBin', () => {
	it("names a tool of the project's own dependencies, wherever the caller runs", async () => {
		const result = await runCommand(projectBin('prettier'), ['--version'], { cwd: '/' });
		expect(result.exitCode).toBe(0);
		expect(result.output).toMatch(/^\d+\.\d+\.\d+\n$/);
	});
});

describe('startProcess', () => {
	it('settles with the exit code, 1 for a signal, and 127 with the reason when the command cannot start', async () => {
		expect(
			await startProcess(process.execPath, ['-e', 'process.exit(4)'], { stdio: 'ignore' }).exitCode,
		).toBe(4);
		const sleeper = startProcess(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
			stdio: 'ignore',
		});
		sleeper.child.kill('SIGTERM');
		expect(await sleeper.exitCode).toBe(1);
		expect(hasExited(sleeper.child)).toBe(true);
		let reason = '';
		expect(
			await startProcess('/nonexistent/tool', [], {
				onStartError: (error) => (reason = error.message),
			}).exitCode,
		).toBe(127);
		expect(reason).toContain('ENOENT');
	});
});

describe('binIn', () => {
	it("names a tool in a project's node_modules/.bin", () => {
		expect(binIn('/srv/hub', 'astro')).toBe('/srv/hub/node_modules/.bin/astro');
		expect(projectBin('astro')).toBe(binIn(projectRoot, 'astro'));
	});
});
