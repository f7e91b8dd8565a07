import { describe, expect, it } from 'vitest';
import { projectBin, runCommand } from '../../../src/lib/check/run-command';
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
		const result = await runCommand(process.execPath, ['-e', 'console.log(process.env.EXTRA, process.env.NO_COLOR, process.env.ASTRO_TELEMETRY_DISABLED)'], {
			cwd: projectRoot,
			env: { EXTRA: 'given' },
			onSpawn: (child) => (pid = child.pid),
		});
		expect(result.output).toBe('given 1 1\n');
		expect(pid).toBeGreaterThan(0);
	});

	it('reports a command that cannot start as exit code 127 with the reason', async () => {
		const result = await runCommand('/nonexistent/tool', [], { cwd: projectRoot });
		expect(result.exitCode).toBe(127);
		expect(result.output).toContain('ENOENT');
	});
});

describe('projectBin', () => {
	it("names a tool of the project's own dependencies, wherever the caller runs", async () => {
		const result = await runCommand(projectBin('prettier'), ['--version'], { cwd: '/' });
		expect(result.exitCode).toBe(0);
		expect(result.output).toMatch(/^\d+\.\d+\.\d+\n$/);
	});
});
