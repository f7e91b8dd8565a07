import { spawn } from 'node:child_process';
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript, tsxCommand } from '#tools/run-command.ts';
import { entryTypes } from '#lib/content/collections.ts';
import { collectAnswers } from '#tools/scaffold.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { fixtureContent, outputRoot, projectRoot } from '../helpers/build-site';

const content = path.join(outputRoot, 'scaffold/content');
const relativeContent = path.relative(projectRoot, content);
const newEntry = (...args: string[]) =>
	runScript('scripts/new.ts', [...args, '--content', relativeContent], { cwd: projectRoot });

describe('npm run new', () => {
	beforeAll(async () => {
		await rm(path.dirname(content), { recursive: true, force: true });
		await cp(path.join(projectRoot, fixtureContent('basic')), content, { recursive: true });
	});

	it.each([
		[
			'talks/porting-to-risc-v.md',
			[
				'talk',
				'--title',
				'Porting to RISC-V',
				'--event',
				'democonf-2024',
				'--speakers',
				'ada-lovelace, grace-hopper',
				'--day',
				'2024-03-10',
			],
		],
		[
			'recaps/second-look.mdx',
			['recap', '--event', 'democonf-2024', '--author', 'grace-hopper', '--id', 'second-look'],
		],
		[
			'notes/mirror-layout.md',
			['note', '--title', 'Mirror layout', '--summary', 'How the mirrors are laid out.'],
		],
		['people/linus-example.md', ['person', '--name', 'Linus Example', '--handles', '@linus']],
		[
			'events/democonf-2025.md',
			[
				'event',
				'--title',
				'DemoConf 2025',
				'--start',
				'2025-03-08',
				'--end',
				'2025-03-09',
				'--timezone',
				'Europe/Brussels',
			],
		],
		[
			'sponsors/iron-works.md',
			['sponsor', '--name', 'Iron Works', '--website', 'https://iron.example.org/'],
		],
		[
			'case-studies/iron-builders.md',
			[
				'case-study',
				'--title',
				'Iron builders',
				'--summary',
				'Builders on Iron Works hardware.',
				'--sponsor',
				'acme-hosting',
				'--project',
				'Example OS',
			],
		],
		[
			'topics/risc-v.md',
			[
				'topic',
				'--name',
				'RISC-V',
				'--summary',
				'An open instruction set.',
				'--aliases',
				'riscv64, RV64',
			],
		],
	])('creates %s from flags', async (file, args) => {
		const result = await newEntry(...args);
		expect(result.output).toContain(`created ${relativeContent}/${file}`);
		expect(result.exitCode).toBe(0);
		expect(await readFile(path.join(content, file), 'utf8')).toMatch(/^---\n[\s\S]+\n---\n\n/);
	});

	it('wrote entries that pass content validation', async () => {
		const { problems, fileCount } = await validateContent(projectRoot, relativeContent);
		expect(problems).toEqual([]);
		expect(fileCount).toBe(17);
	});

	it('wrote entries that pass npm run check: build, links and HTML', async () => {
		// The code's own stages (types, lint, format, knip) read no content: check.test.ts runs them.
		const result = await runScript(
			'scripts/check.ts',
			['--content', relativeContent, '--skip', 'types,lint,format,unused,accessibility'],
			{ cwd: projectRoot, env: { EDELWEISS_CACHE_DIR: path.join(outputRoot, 'scaffold/cache') } },
		);
		expect(result.output).toContain('check passed, 5 skipped');
		expect(result.exitCode).toBe(0);
		// A whole build, Pagefind and the offline files included, then the links and HTML checks.
	}, 300_000);

	it('refuses to overwrite an existing entry and leaves it untouched', async () => {
		const file = path.join(content, 'notes/mirror-layout.md');
		const before = await readFile(file, 'utf8');
		const result = await newEntry(
			'note',
			'--title',
			'Mirror layout',
			'--summary',
			'Another summary.',
		);
		expect(result.exitCode).toBe(1);
		expect(result.output).toContain('notes/mirror-layout already exists');
		expect(await readFile(file, 'utf8')).toBe(before);
	});

	it('names the closest ids for an unknown reference and writes nothing', async () => {
		const result = await newEntry('talk', '--title', 'Lost talk', '--event', 'democonf-2042');
		expect(result.exitCode).toBe(1);
		expect(result.output).toContain(
			'--event: no entry "democonf-2042" in events; did you mean "democonf-2024", "democonf-2025"?',
		);
		await expect(readFile(path.join(content, 'talks/lost-talk.md'))).rejects.toThrow();
	});

	it('without a terminal, lists the required flags that are missing', async () => {
		const result = await newEntry('case-study', '--title', 'Half done');
		expect(result.exitCode).toBe(1);
		expect(result.output).toContain('missing --summary (One-sentence summary), --sponsor');
	});

	it('rejects an unknown type with the list of types', async () => {
		const result = await newEntry('keynote');
		expect(result.exitCode).toBe(1);
		expect(result.output).toContain(
			`unknown type "keynote"; usage: npm run new -- <${entryTypes.join('|')}>`,
		);
	});
});

/** Runs `npm run new` in a real pseudo-terminal (util-linux `script`), answering each prompt as it appears. */
function newEntryInTerminal(
	args: string,
	answers: [prompt: string, answer: string][],
): Promise<string> {
	const { command, args: script } = tsxCommand('scripts/new.ts');
	const line = [command, ...script, args, '--content', relativeContent].join(' ');
	const child = spawn('script', ['-qfec', line, '/dev/null'], { cwd: projectRoot });
	let output = '';
	child.stdout.on('data', (chunk) => {
		output += chunk;
		const next = answers[0];
		if (next && output.includes(next[0])) {
			answers.shift();
			child.stdin.write(`${next[1]}\r`);
		}
	});
	return new Promise((resolve) => child.on('close', () => resolve(output)));
}

describe('npm run new in a terminal', () => {
	it('asks for the type and each field, then writes a valid entry', async () => {
		const output = await newEntryInTerminal('', [
			[`Type (${entryTypes.join(', ')}):`, 'person'],
			['Full name:', 'Margaret Hamilton'],
			['Handles, comma-separated', '@margaret'],
		]);
		expect(output).toContain(`created ${relativeContent}/people/margaret-hamilton.md`);
		expect(await readFile(path.join(content, 'people/margaret-hamilton.md'), 'utf8')).toBe(
			'---\nname: Margaret Hamilton\nhandles:\n  - "@margaret"\n---\n\nA sentence or two about this person and their work in the community.\n',
		);
		const { problems } = await validateContent(projectRoot, relativeContent);
		expect(problems).toEqual([]);
	});
});

describe('collectAnswers in a terminal', () => {
	it('asks only for what the flags left out, offering defaults, and keeps a default on an empty answer', async () => {
		const asked: string[] = [];
		const replies: Record<string, string> = {
			'Your person id (file name in content/people/)': 'ada-lovelace',
		};
		const answers = await collectAnswers(
			'recap',
			{ event: 'democonf-2024' },
			async (question, fallback) => {
				asked.push(`${question} [${fallback ?? ''}]`);
				return replies[question] ?? '';
			},
		);
		expect(asked).toEqual([
			'Your person id (file name in content/people/) []',
			'Title [democonf-2024 recap]',
			`Published (YYYY-MM-DD) [${new Date().toISOString().slice(0, 10)}]`,
		]);
		expect(answers).toMatchObject({
			event: 'democonf-2024',
			author: 'ada-lovelace',
			title: 'democonf-2024 recap',
		});
	});
});
